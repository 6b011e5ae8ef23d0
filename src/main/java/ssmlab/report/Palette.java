package ssmlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's styles, the same in the HTML (Vega-Lite) and the images (XChart): Okabe and Ito's
 * colour-blind-safe colours for lines, a dash pattern and a point shape per line so identical
 * curves stay visible, and a light yellow-green-blue ramp (black numbers stay readable) for the
 * heatmap. Line {@code i} of a chart gets entry {@code i mod size} of each list.
 */
final class Palette {
  static final List<String> LINES = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7",
      "#56B4E9", "#D55E00", "#000000", "#F0E442");
  static final List<List<Integer>> DASHES = List.of(List.of(1, 0), List.of(6, 3),
      List.of(2, 2), List.of(8, 3, 2, 3), List.of(12, 4), List.of(4, 2, 1, 2));
  static final List<String> SHAPES = List.of("circle", "square", "diamond", "triangle-up",
      "triangle-down", "cross");
  static final List<String> HEAT = List.of("#ffffd9", "#c7e9b4", "#7fcdbb", "#41b6c4");
  private static final List<Marker> MARKERS = List.of(SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE,
      SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN,
      SeriesMarkers.CROSS);

  private Palette() {}

  static Color color(String hex) {
    return Color.decode(hex);
  }

  static Color line(int i) {
    return color(LINES.get(i % LINES.size()));
  }

  static BasicStroke dash(int i) {
    List<Integer> d = DASHES.get(i % DASHES.size());
    float[] pattern = new float[d.size()];
    for (int k = 0; k < pattern.length; k++) {
      pattern[k] = d.get(k) * 1.5f;
    }
    return d.get(1) == 0 ? new BasicStroke(2f)
        : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, pattern, 0f);
  }

  static Marker marker(int i) {
    return MARKERS.get(i % MARKERS.size());
  }

  static Color[] heat() {
    return HEAT.stream().map(Palette::color).toArray(Color[]::new);
  }
}
