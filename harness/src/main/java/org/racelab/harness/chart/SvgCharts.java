package org.racelab.harness.chart;

import org.racelab.harness.format.Format;
import org.racelab.harness.format.Texts;
import org.racelab.harness.bundle.BenchScore;
import org.racelab.harness.bundle.BenchRatio;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.racelab.harness.bundle.OutcomeCount;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The report's charts, drawn by JFreeChart into SVG (JFreeSVG) that the page holds inline, so it
 * needs no file and no network. JFreeSVG escapes the text it writes (names from a bundle end up
 * in axis labels); each chart gets its own id prefix, as several SVGs share one page.
 */
public final class SvgCharts {

    static final Color ACCEPTABLE = new Color(0x4E79A7);
    static final Color INTERESTING = new Color(0xF28E2B);
    static final Color FORBIDDEN = new Color(0xE15759);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final AtomicInteger IDS = new AtomicInteger();

    private SvgCharts() {
    }

    /** The chart as an {@code <svg>} element that scales with the page (a view box, no fixed size). */
    public static String svg(JFreeChart chart, int width, int height) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        String prefix = "rl" + IDS.incrementAndGet() + "_";
        g.setDefsKeyPrefix(prefix);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGElement(prefix + "svg", false, new ViewBox(0, 0, width, height), null, null);
    }

    /**
     * The outcome histogram: one bar per outcome, on a log scale (a race one sample in a million
     * must still show), coloured by how the test grades it.
     */
    public static String outcomes(List<OutcomeCount> outcomes) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        long total = outcomes.stream().mapToLong(OutcomeCount::count).sum();
        for (int i = 0; i < outcomes.size(); i++) {
            OutcomeCount o = outcomes.get(i);
            // a category key per row, so two outcomes with the same id cannot merge
            data.addValue(o.count() == 0 ? null : (Number) o.count(), "samples",
                    new Row(i, Texts.chartLabel(o.id(), 40)));
        }
        Color[] paints = outcomes.stream().map(o -> paint(o.expect())).toArray(Color[]::new);
        BarRenderer bars = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return column < paints.length ? paints[column] : ACCEPTABLE;
            }
        };
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                java.text.NumberFormat.getIntegerInstance(Locale.ROOT)));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
        bars.setItemLabelAnchorOffset(4);
        bars.setDefaultItemLabelFont(LABEL);
        LogAxis counts = new LogAxis("samples (log scale)");
        counts.setBase(10);
        counts.setSmallestValue(0.5);
        counts.setLowerBound(0.5);
        // room to the right of the longest bar for its label
        counts.setUpperBound(Math.max(10, total) * 40.0);
        // whole powers of ten only: 10^0.5 helps nobody read a histogram
        counts.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1), false, false);
        counts.setAutoTickUnitSelection(false);
        counts.setTickLabelFont(LABEL);
        counts.setLabelFont(LABEL);
        CategoryAxis ids = new CategoryAxis();
        ids.setTickLabelFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        CategoryPlot plot = new CategoryPlot(data, ids, counts, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        styled(plot);
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return svg(chart, 560, 50 + 30 * Math.max(1, outcomes.size()));
    }

    /**
     * Scores of subject (usually virtual threads) against baseline (usually platform threads), one
     * pair of bars per question, with JMH's error as the error bar.
     */
    public static String scores(String title, List<BenchRatio> ratios) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        String unit = "";
        for (int i = 0; i < ratios.size(); i++) {
            BenchRatio r = ratios.get(i);
            Row row = new Row(i, Texts.chartLabel(Format.ratioLabel(r.subject(), r.baseline(), r.params()), 70));
            add(data, r.subjectScore(), "subject (first name)", row);
            add(data, r.baselineScore(), "baseline (second name)", row);
            if (r.unit() != null) {
                unit = r.unit();
            }
        }
        StatisticalBarRenderer bars = new StatisticalBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, INTERESTING);
        bars.setSeriesPaint(1, ACCEPTABLE);
        bars.setErrorIndicatorPaint(Color.BLACK);
        NumberAxis values = new NumberAxis(Texts.chartLabel(unit, 30) + "  (error bars: JMH's 99.9% interval)");
        values.setTickLabelFont(LABEL);
        values.setLabelFont(LABEL);
        // scores are not negative; an error bar wider than its score must not pull the axis below 0
        values.setRangeType(org.jfree.data.RangeType.POSITIVE);
        CategoryAxis questions = new CategoryAxis();
        questions.setTickLabelFont(LABEL);
        questions.setMaximumCategoryLabelLines(2);
        CategoryPlot plot = new CategoryPlot(data, questions, values, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        styled(plot);
        JFreeChart chart = new JFreeChart(null, null, plot, true);
        chart.addSubtitle(new TextTitle(Texts.chartLabel(title, 100), new Font(Font.SANS_SERIF, Font.BOLD, 14)));
        chart.getLegend().setItemFont(LABEL);
        chart.setBackgroundPaint(Color.WHITE);
        return svg(chart, 900, 110 + 56 * Math.max(1, ratios.size()));
    }

    /** A category: its position keeps equal labels apart, its label is what the axis shows. */
    private record Row(int index, String label) implements Comparable<Row> {
        @Override
        public String toString() {
            return label;
        }

        @Override
        public int compareTo(Row o) {
            return Integer.compare(index, o.index);
        }
    }

    private static void add(DefaultStatisticalCategoryDataset data, BenchScore s, String series, Row row) {
        if (s == null) {
            data.add((Number) null, null, series, row);
            return;
        }
        data.add(s.score(), s.error() == null ? 0.0 : s.error(), series, row);
    }

    public static Color paint(String expect) {
        if ("FORBIDDEN".equals(expect)) {
            return FORBIDDEN;
        }
        return "ACCEPTABLE_INTERESTING".equals(expect) ? INTERESTING : ACCEPTABLE;
    }

    private static void styled(CategoryPlot plot) {
        plot.setBackgroundPaint(new Color(0xF7F7F7));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
    }
}
