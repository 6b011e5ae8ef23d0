package ssmlab.model.s4d;

/**
 * The arithmetic of a diagonal LTI SSM with H independent channels and N states per channel, on
 * activations laid out (batch, L, H).
 *
 * <pre>
 * A[h,n] = -exp(A_log[h,n]),  dt[h] = exp(log_dt[h])
 * Abar = exp(dt*A),  Bbar = (exp(dt*A) - 1)/A * B,  Cbar = C              (Definition A.4, ZOH)
 * recurrent:   s[t] = Abar*s[t-1] + Bbar*u[t],  y[t] = sum_n Cbar*s[t] + D*u[t]   (A.5, A.6)
 * kernel:      K[h,k] = sum_n Cbar[h,n] * Abar[h,n]^k * Bbar[h,n]                  (A.7)
 * convolution: y[t,h] = sum_{k=0}^{t} K[h,k]*u[t-k,h] + D[h]*u[t,h]                (A.8)
 * </pre>
 *
 * Definition A.7 has a kernel per (output, input) channel pair; with a diagonal A and one SSM per
 * channel only the diagonal pairs are non-zero, which is what is stored here.
 */
public final class S4DKernel {

  private S4DKernel() {}

  /**
   * The discrete parameters of one layer, (H, N) each, with the doubles they came from, which
   * {@link #kernelBackward} reads instead of computing the exponentials again: {@code dt} (H),
   * {@code a} = A, {@code decay} = exp(dt A) and {@code expm1} = exp(dt A) − 1, (H, N).
   */
  public record Discrete(float[] aBar, float[] bBar, float[] c, double[] dt, double[] a,
      double[] decay, double[] expm1) {}

  /** ZOH discretisation (Definition A.4) of {@code A = -exp(aLog)} with step {@code exp(logDt)}. */
  public static Discrete discretize(float[] logDt, float[] aLog, float[] b, float[] c, int h,
      int n) {
    float[] aBar = new float[h * n];
    float[] bBar = new float[h * n];
    double[] dts = new double[h];
    double[] as = new double[h * n];
    double[] decay = new double[h * n];
    double[] em1 = new double[h * n];
    for (int i = 0; i < h; i++) {
      double dt = Math.exp(logDt[i]);
      dts[i] = dt;
      for (int j = 0; j < n; j++) {
        int q = i * n + j;
        double a = -Math.exp(aLog[q]);
        as[q] = a;
        decay[q] = Math.exp(dt * a);
        em1[q] = Math.expm1(dt * a);
        aBar[q] = (float) decay[q];
        bBar[q] = (float) (em1[q] / a * b[q]);
      }
    }
    return new Discrete(aBar, bBar, c, dts, as, decay, em1);
  }

  /** The convolution kernel K (H, L) of Definition A.7. */
  public static float[] kernel(Discrete p, int h, int n, int length) {
    float[] k = new float[h * length];
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < n; j++) {
        double w = (double) p.c()[i * n + j] * p.bBar()[i * n + j];
        double ab = p.aBar()[i * n + j];
        for (int t = 0; t < length; t++) {
          k[i * length + t] += (float) w;
          w *= ab;
        }
      }
    }
    return k;
  }

  /** Convolution form (Definition A.8): y = K * u + D u, u and y (batch, L, H). */
  public static void convolve(float[] k, float[] dSkip, float[] u, float[] y, int batch,
      int length, int h) {
    for (int b = 0; b < batch; b++) {
      int base = b * length * h;
      for (int t = 0; t < length; t++) {
        for (int i = 0; i < h; i++) {
          double acc = dSkip[i] * u[base + t * h + i];
          for (int lag = 0; lag <= t; lag++) {
            acc += (double) k[i * length + lag] * u[base + (t - lag) * h + i];
          }
          y[base + t * h + i] = (float) acc;
        }
      }
    }
  }

  /** Recurrent form (Definitions A.5, A.6): the same y by scanning the state over time. */
  public static void recurrent(Discrete p, float[] dSkip, float[] u, float[] y, int batch,
      int length, int h, int n) {
    float[] s = new float[h * n];
    for (int b = 0; b < batch; b++) {
      java.util.Arrays.fill(s, 0f);
      int base = b * length * h;
      for (int t = 0; t < length; t++) {
        for (int i = 0; i < h; i++) {
          float ut = u[base + t * h + i];
          float acc = dSkip[i] * ut;
          for (int j = 0; j < n; j++) {
            int q = i * n + j;
            s[q] = p.aBar()[q] * s[q] + p.bBar()[q] * ut;
            acc += p.c()[q] * s[q];
          }
          y[base + t * h + i] = acc;
        }
      }
    }
  }

  /**
   * Backward of the convolution form: from dy, the gradients of u (overwritten) and of K (H, L)
   * and D (accumulated).
   */
  public static void convolveBackward(float[] k, float[] dSkip, float[] u, float[] dy,
      float[] du, float[] dk, float[] dD, int batch, int length, int h) {
    java.util.Arrays.fill(du, 0, batch * length * h, 0f);
    for (int b = 0; b < batch; b++) {
      int base = b * length * h;
      for (int t = 0; t < length; t++) {
        for (int i = 0; i < h; i++) {
          float g = dy[base + t * h + i];
          du[base + t * h + i] += dSkip[i] * g;
          dD[i] += u[base + t * h + i] * g;
          for (int lag = 0; lag <= t; lag++) {
            int src = base + (t - lag) * h + i;
            dk[i * length + lag] += g * u[src];
            du[src] += k[i * length + lag] * g;
          }
        }
      }
    }
  }

  /**
   * Backward of {@link #discretize} and {@link #kernel}: from dK (H, L) and the forward pass's
   * {@code p}, accumulates the gradients of log_dt, A_log, B and C.
   */
  public static void kernelBackward(float[] dk, Discrete p, float[] b, float[] c,
      float[] dLogDt, float[] dALog, float[] dB, float[] dC, int h, int n, int length) {
    for (int i = 0; i < h; i++) {
      double dt = p.dt()[i];
      double dDt = 0;
      for (int j = 0; j < n; j++) {
        int q = i * n + j;
        double a = p.a()[q];
        double aBar = p.decay()[q];
        double f = p.expm1()[q] / a; // Bbar = f * B
        double bBar = f * b[q];
        // S = sum_k dK[k] Abar^k, S' = sum_k dK[k] k Abar^(k-1)
        double sum = 0;
        double sumDeriv = 0;
        double pow = 1;
        double powPrev = 0;
        for (int t = 0; t < length; t++) {
          double g = dk[i * length + t];
          sum += g * pow;
          sumDeriv += g * t * powPrev;
          powPrev = pow;
          pow *= aBar;
        }
        dC[q] += (float) (sum * bBar);
        double dBBar = sum * c[q];
        double dABar = sumDeriv * c[q] * bBar;
        dB[q] += (float) (dBBar * f);
        // dAbar/ddt = A*Abar, dAbar/dA = dt*Abar; df/ddt = Abar, df/dA = (dt*A*Abar - expm1)/A^2
        double dfdA = (dt * a * aBar - p.expm1()[q]) / (a * a);
        dDt += dABar * a * aBar + dBBar * b[q] * aBar;
        double dA = dABar * dt * aBar + dBBar * b[q] * dfdA;
        dALog[q] += (float) (dA * a);
      }
      dLogDt[i] += (float) (dDt * dt);
    }
  }
}
