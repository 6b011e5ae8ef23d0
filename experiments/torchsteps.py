"""Timing of training steps for the PyTorch peers in experiments/ (issue 14)."""
import time


def timed(step, warmup, steps):
    """Seconds that `steps` calls of step() take, after `warmup` untimed calls."""
    for _ in range(warmup):
        step()
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    return time.perf_counter() - t0
