package ssmlab.circuit;

import static ssmlab.circuit.GateType.K_INPUT;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a builder's gates into a {@link Circuit}: drops gates no output depends on, computes each
 * gate's level (longest path from the inputs, NOT counted) and renumbers the gates level by level,
 * so every level is one contiguous id range.
 */
final class Levelizer {
  private static final int ID_BITS = 28;
  private static final int FAN_BITS = 15;

  private Levelizer() {}

  static Circuit build(CircuitBuilder b, List<Port> inputs, List<Port> outputs, int inputBits) {
    int n = b.count;
    byte[] kind = b.kind;
    int[] start = b.start;
    int[] edges = b.edges;

    boolean[] live = new boolean[n];
    live[0] = true;
    live[1] = true;
    for (Port p : outputs) {
      for (int w : p.wires()) {
        live[w] = true;
      }
    }
    for (int g = n - 1; g >= 2; g--) {
      if (kind[g] == K_INPUT) {
        live[g] = true;
      } else if (live[g]) {
        int k = fanIn(kind[g], start[g], start[g + 1]);
        for (int e = start[g]; e < start[g] + k; e++) {
          live[edges[e]] = true;
        }
      }
    }

    int[] level = new int[n];
    int depth = 0;
    for (int g = 2; g < n; g++) {
      if (!live[g] || kind[g] == K_INPUT) {
        continue;
      }
      int k = fanIn(kind[g], start[g], start[g + 1]);
      int l = 0;
      for (int e = start[g]; e < start[g] + k; e++) {
        l = Math.max(l, level[edges[e]]);
      }
      level[g] = l + 1;
      depth = Math.max(depth, l + 1);
    }

    // Sort live gates by (level, kind, fan-in, id): levels stay contiguous and, inside a level,
    // gates of one kind and fan-in sit together, so the evaluator's branches predict well.
    if (n >= 1 << ID_BITS) {
      throw new IllegalArgumentException("circuit too large: more than 2^28 gates");
    }
    int[] levelStart = new int[depth + 2];
    int m = 0;
    for (int g = 0; g < n; g++) {
      if (live[g]) {
        levelStart[level[g] + 1]++;
        m++;
      }
    }
    for (int l = 0; l <= depth; l++) {
      levelStart[l + 1] += levelStart[l];
    }
    long[] keys = new long[m];
    int j = 0;
    for (int g = 0; g < n; g++) {
      if (live[g]) {
        long k = Math.min(fanIn(kind[g], start[g], start[g + 1]), (1 << FAN_BITS) - 1);
        keys[j++] = ((long) level[g] << (ID_BITS + FAN_BITS + 4))
            | ((long) kind[g] << (ID_BITS + FAN_BITS)) | (k << ID_BITS) | g;
      }
    }
    java.util.Arrays.sort(keys);
    int[] newId = level; // level[] is no longer needed
    java.util.Arrays.fill(newId, -1);
    int[] oldId = new int[m];
    long edgeSlots = 0;
    for (int id = 0; id < m; id++) {
      int g = (int) (keys[id] & ((1 << ID_BITS) - 1));
      oldId[id] = g;
      newId[g] = id;
      edgeSlots += start[g + 1] - start[g];
    }
    keys = null;

    byte[] nKind = new byte[m];
    int[] nStart = new int[m + 1];
    int[] nThreshold = new int[m];
    int[] nEdges = new int[(int) edgeSlots];
    int pos = 0;
    for (int id = 0; id < m; id++) {
      int g = oldId[id];
      nKind[id] = kind[g];
      nThreshold[id] = b.threshold[g];
      nStart[id] = pos;
      int s = start[g];
      int len = start[g + 1] - s;
      int k = fanIn(kind[g], s, start[g + 1]);
      for (int i = 0; i < k; i++) {
        nEdges[pos + i] = newId[edges[s + i]];
      }
      System.arraycopy(edges, s + k, nEdges, pos + k, len - k);
      pos += len;
    }
    nStart[m] = pos;
    return new Circuit(nKind, nStart, nEdges, nThreshold, levelStart,
        remap(inputs, newId), remap(outputs, newId), inputBits);
  }

  static int fanIn(byte kind, int from, int to) {
    return kind == GateType.K_TH ? (to - from) / 2 : to - from;
  }

  private static List<Port> remap(List<Port> ports, int[] newId) {
    List<Port> r = new ArrayList<>(ports.size());
    for (Port p : ports) {
      int[] w = p.wires();
      for (int i = 0; i < w.length; i++) {
        w[i] = newId[w[i]];
      }
      r.add(new Port(p.name(), w));
    }
    return List.copyOf(r);
  }
}
