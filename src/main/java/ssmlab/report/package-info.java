/**
 * The report of a results folder: one self-contained HTML file (Vega-Lite charts with the
 * charting library inlined, so it opens without network) and PNG images of the main plots.
 *
 * <p>{@link ssmlab.report.Report} is the entry point. The charts are data rows ({@link
 * ssmlab.report.ChartRow}) plus Vega-Lite specs written with Jackson ({@link
 * ssmlab.report.VegaLite}); no Java draws the HTML charts. {@link ssmlab.report.StaticCharts} draws
 * the PNGs with XChart, headless.
 */
package ssmlab.report;
