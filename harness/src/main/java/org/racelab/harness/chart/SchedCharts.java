package org.racelab.harness.chart;

import org.racelab.harness.bundle.Limits;
import org.racelab.harness.format.Format;
import org.racelab.harness.format.Texts;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.racelab.harness.bundle.OutputFiles;
import org.racelab.harness.bundle.SchedCarriers;
import org.racelab.harness.bundle.SchedFootprint;
import org.racelab.harness.bundle.SchedPreemption;
import org.racelab.harness.bundle.SchedSection;
import org.racelab.harness.bundle.SchedSegment;
import org.racelab.harness.bundle.SchedTimeslice;
import org.racelab.harness.stats.Percentiles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the sched section's timelines with JFreeChart, as SVG (for the HTML report) and PNG
 * (for anything that shows images), into {@code charts/} of the run folder:
 * {@code sched-preemption}, {@code sched-carriers}, {@code sched-timeslice}, {@code sched-footprint}.
 * Reads only the bundle's section, so a bundle from another machine draws the same.
 */
public final class SchedCharts {

    public static final String DIR = "charts";
    private static final int WIDTH = 1000;
    /** Tableau 10: distinct for the eye, and for most colour-blind eyes. */
    private static final Color[] PALETTE = {
            new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
            new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
            new Color(0x9C755F), new Color(0xBAB0AC)};
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final String SVG_DOCTYPE =
            "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n";

    /** The chart files written, relative to the run folder, and a line for each chart that could not be drawn. */
    public record Drawn(List<String> files, List<String> problems) {
    }

    private SchedCharts() {
    }

    public static Drawn draw(SchedSection section, Path runFolder) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Map<String, ChartSource> charts = new LinkedHashMap<>();
        if (section.preemption() != null && !section.preemption().runs().isEmpty()) {
            charts.put("sched-preemption", () -> preemption(section.preemption()));
        }
        if (section.carriers() != null && !section.carriers().runs().isEmpty()) {
            charts.put("sched-carriers", () -> carriers(section.carriers()));
        }
        if (section.timeslice() != null && !section.timeslice().runLengthsMillis().isEmpty()) {
            charts.put("sched-timeslice", () -> timeslice(section.timeslice()));
        }
        if (section.footprint() != null && !section.footprint().runs().isEmpty()) {
            charts.put("sched-footprint", () -> footprint(section.footprint()));
        }
        if (charts.isEmpty()) {
            return new Drawn(List.of(), List.of());
        }
        Path dir;
        try {
            // the folder may be someone else's: a link planted as charts/ is refused, not followed
            dir = OutputFiles.subfolder(runFolder, DIR);
        } catch (IOException e) {
            return new Drawn(List.of(), List.of("charts not drawn: " + OutputFiles.reason(e)));
        }
        List<String> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        charts.forEach((name, source) -> save(dir, name, source, files, problems));
        return new Drawn(List.copyOf(files), List.copyOf(problems));
    }

    private interface ChartSource {
        Sized chart();
    }

    public record Sized(JFreeChart chart, int height) {
    }

    /** Each file through {@link OutputFiles}: whole or not at all, never through a planted link. */
    private static void save(Path dir, String name, ChartSource source, List<String> files, List<String> problems) {
        try {
            Sized s = source.chart();
            SVGGraphics2D g = new SVGGraphics2D(WIDTH, s.height());
            s.chart().draw(g, new Rectangle(0, 0, WIDTH, s.height()));
            // what JFreeSVG's SVGUtils.writeToSVG writes, written safely
            OutputFiles.writeString(dir.resolve(name + ".svg"), SVG_DOCTYPE + g.getSVGElement() + "\n");
            OutputFiles.write(dir.resolve(name + ".png"), out -> ChartUtils.writeChartAsPNG(out, s.chart(), WIDTH, s.height()));
            files.add(DIR + "/" + name + ".svg");
            files.add(DIR + "/" + name + ".png");
        } catch (IOException e) {
            problems.add("chart " + name + " not drawn: " + OutputFiles.reason(e));
        } catch (RuntimeException | Error e) {
            // A server without fonts or AWT libraries: the data is in the bundle all the same.
            problems.add("chart " + name + " not drawn: " + e);
        }
    }

    public static Sized preemption(SchedPreemption p) {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(timeAxis());
        combined.setGap(14);
        int lanes = 0;
        Bound bound = new Bound();
        for (SchedPreemption.PreemptionRun run : bound.first(p.runs(), Limits.CHART_LANES)) {
            XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
            List<String> names = new ArrayList<>();
            List<SchedPreemption.ThreadSpan> spans = bound.first(run.spans(), Limits.CHART_LANES);
            for (int i = 0; i < spans.size(); i++) {
                SchedPreemption.ThreadSpan s = spans.get(i);
                names.add(Texts.chartLabel(s.thread(), 40) + (s.carrier() == null ? "" : " @" + label(shortCarrier(s.carrier()))));
                // the series' key is its lane: two threads of one name stay two lanes
                XYIntervalSeries series = new XYIntervalSeries(i);
                double from = s.startMillis();
                for (double to : bound.first(s.progressMillis(), Limits.CHART_BLOCKS)) {
                    series.add((from + to) / 2, from, to, i, i - 0.35, i + 0.35);
                    from = to;
                }
                data.addSeries(series);
            }
            String label = run.kind().equals("platform") ? "platform, " + run.cpus() + " CPUs"
                    : "virtual, " + run.carriers() + " carrier" + (run.carriers() == 1 ? "" : "s");
            XYPlot plot = lanePlot(data, names, label);
            combined.add(plot, names.size());
            lanes += names.size();
        }
        JFreeChart chart = new JFreeChart("Preemption: " + p.threads() + " CPU-bound threads, about "
                + Format.figure(p.workMillis()) + " ms of work each (one block = a tenth of it)", titleFont(), combined, false);
        chart.addSubtitle(new TextTitle("Platform threads are time-sliced by the OS: all progress at once. "
                + "Virtual threads are never preempted: each keeps its carrier until it finishes.", LABEL));
        bound.note(chart);
        chart.setBackgroundPaint(Color.WHITE);
        return new Sized(chart, 120 + lanes * 34 + p.runs().size() * 30);
    }

    public static Sized carriers(SchedCarriers c) {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(timeAxis());
        combined.setGap(14);
        int lanes = 0;
        XYPlot first = null;
        List<String> threads = new ArrayList<>();
        for (int v = 1; v <= c.virtualThreads(); v++) {
            threads.add("v" + v);
        }
        Bound bound = new Bound();
        threads = bound.first(threads, Limits.CHART_LANES);
        for (SchedCarriers.CarrierRun run : bound.first(c.runs(), Limits.CHART_LANES)) {
            XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
            for (String t : threads) {
                data.addSeries(new XYIntervalSeries(t));
            }
            List<String> carriers = bound.first(run.carrierNames(), Limits.CHART_LANES);
            for (SchedSegment s : bound.first(run.segments(), Limits.CHART_BLOCKS)) {
                int lane = carriers.indexOf(s.carrier());
                int series = threads.indexOf(s.thread());
                if (lane >= 0 && series >= 0) {
                    data.getSeries(series).add((s.startMillis() + s.endMillis()) / 2, s.startMillis(), s.endMillis(),
                            lane, lane - 0.35, lane + 0.35);
                }
            }
            XYPlot plot = lanePlot(data, carriers.stream().map(SchedCharts::shortCarrier).map(SchedCharts::label).toList(),
                    run.carriers() + " carrier" + (run.carriers() == 1 ? "" : "s"));
            combined.add(plot, Math.max(1, carriers.size()));
            lanes += Math.max(1, carriers.size());
            if (first == null) {
                first = plot;
            }
        }
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT,
                "Carriers: %d virtual threads, %d rounds of %s ms computing then %s ms blocked",
                c.virtualThreads(), c.rounds(), Format.figure(c.computeMillis()), Format.figure(c.blockMillis())),
                titleFont(), combined, false);
        chart.addSubtitle(new TextTitle("One lane per carrier (OS thread); a block is a virtual thread computing on it. "
                + "Blocking unmounts it; it may come back on another carrier.", LABEL));
        bound.note(chart);
        if (first != null) {
            XYPlot legendSource = first;
            LegendTitle legend = new LegendTitle(() -> {
                LegendItemCollection items = legendSource.getLegendItems();
                return items;
            });
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemFont(LABEL);
            chart.addLegend(legend);
        }
        chart.setBackgroundPaint(Color.WHITE);
        return new Sized(chart, 160 + lanes * 44 + c.runs().size() * 30);
    }

    public static Sized timeslice(SchedTimeslice t) {
        double[] all = t.runLengthsMillis().stream().mapToDouble(Double::doubleValue).toArray();
        // a few very long runs (a CPU left idle by the machine's other load) would squash the rest
        double upper = Math.max(new Percentiles(all).at(99), t.notesClaimMillis()) * 1.15;
        double[] runs = java.util.Arrays.stream(all).filter(r -> r <= upper).toArray();
        HistogramDataset data = new HistogramDataset();
        data.addSeries("uninterrupted runs", runs, 150, 0, upper);
        NumberAxis x = new NumberAxis("uninterrupted run length (ms)");
        x.setRange(0, upper);
        NumberAxis y = new NumberAxis("runs");
        XYBarRenderer bars = new XYBarRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, PALETTE[0]);
        XYPlot plot = new XYPlot(data, x, y, bars);
        styled(plot);
        plot.addDomainMarker(marker(t.medianMillis(), "measured median " + Format.figure(t.medianMillis()) + " ms", PALETTE[0], false, 0));
        plot.addDomainMarker(marker(t.notesClaimMillis(), "the notes: " + Format.figure(t.notesClaimMillis()) + " ms", PALETTE[2], true, 1));
        t.kernel().stream().filter(k -> !k.name().startsWith("SCHED_RR")).findFirst().ifPresent(k -> plot.addDomainMarker(
                marker(k.millis(), "kernel " + label(k.name()) + " " + Format.figure(k.millis()) + " ms", PALETTE[4], true, 2)));
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT,
                "Time slices: %d busy threads on %d CPUs, %s s: median %s ms (p10 %s, p90 %s), %.0f switches/s",
                t.threads(), t.cpus(), Format.figure(t.seconds()), Format.figure(t.medianMillis()), Format.figure(t.p10Millis()), Format.figure(t.p90Millis()),
                t.switchesPerSecond()), titleFont(), plot, false);
        if (runs.length < all.length) {
            chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "%d of %d runs longer than %s ms are not shown",
                    all.length - runs.length, all.length, Format.figure(upper)), LABEL));
        }
        chart.setBackgroundPaint(Color.WHITE);
        return new Sized(chart, 420);
    }

    public static Sized footprint(SchedFootprint f) {
        XYSeriesCollection data = new XYSeriesCollection();
        Bound bound = new Bound();
        java.util.Set<String> kinds = new java.util.HashSet<>();
        int n = 0;
        for (SchedFootprint.FootprintRun run : bound.first(f.runs(), Limits.CHART_LANES)) {
            SchedFootprint.Step base = run.steps().get(0);
            n++;
            // a number keeps two runs of one kind apart (a series' key must be its own)
            String kind = kinds.add(label(run.kind())) ? label(run.kind()) : label(run.kind()) + " (run " + n + ")";
            XYSeries rss = new XYSeries(kind + " threads: resident memory (RSS)");
            XYSeries heap = new XYSeries(kind + " threads: Java heap");
            for (SchedFootprint.Step s : bound.first(run.steps(), Limits.CHART_BLOCKS)) {
                if (s.rssBytes() != null && base.rssBytes() != null) {
                    rss.add(s.threads(), (s.rssBytes() - base.rssBytes()) / 1048576.0);
                }
                heap.add(s.threads(), (s.heapUsedBytes() - base.heapUsedBytes()) / 1048576.0);
            }
            if (!rss.isEmpty()) {
                data.addSeries(rss);
            }
            data.addSeries(heap);
        }
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            lines.setSeriesPaint(i, data.getSeriesKey(i).toString().startsWith("platform") ? PALETTE[0] : PALETTE[1]);
            boolean heap = data.getSeriesKey(i).toString().endsWith("heap");
            lines.setSeriesStroke(i, heap ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[]{6f, 4f}, 0f) : new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, new NumberAxis("parked threads"), new NumberAxis("memory above the start (MiB)"), lines);
        styled(plot);
        JFreeChart chart = new JFreeChart("Footprint: memory of N parked threads", titleFont(), plot, true);
        bound.note(chart);
        chart.getLegend().setItemFont(LABEL);
        chart.setBackgroundPaint(Color.WHITE);
        return new Sized(chart, 420);
    }

    private static XYPlot lanePlot(XYIntervalSeriesCollection data, List<String> lanes, String label) {
        SymbolAxis axis = new SymbolAxis(label, lanes.toArray(String[]::new));
        axis.setGridBandsVisible(false);
        axis.setTickLabelFont(LABEL);
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        // the run's name reads across, beside its lanes, rather than up the side of a short plot
        axis.setLabelAngle(Math.PI / 2);
        axis.setRange(-0.6, lanes.size() - 0.4);
        XYBarRenderer bars = new XYBarRenderer();
        bars.setUseYInterval(true);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(true);
        bars.setDefaultOutlinePaint(Color.WHITE);
        bars.setDefaultOutlineStroke(new BasicStroke(1f));
        for (int i = 0; i < data.getSeriesCount(); i++) {
            bars.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            bars.setSeriesOutlinePaint(i, Color.WHITE);
        }
        XYPlot plot = new XYPlot(data, null, axis, bars);
        styled(plot);
        return plot;
    }

    private static void styled(XYPlot plot) {
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(new Color(0xF7F7F7));
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
    }

    private static NumberAxis timeAxis() {
        NumberAxis time = new NumberAxis("milliseconds since the threads were started");
        time.setLabelFont(LABEL);
        time.setAutoRangeIncludesZero(true);
        return time;
    }

    /** A vertical line with its label; {@code row} moves the label down, so labels of close lines do not overlap. */
    private static ValueMarker marker(double at, String label, Paint paint, boolean dashed, int row) {
        ValueMarker m = new ValueMarker(at, paint, dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f) : new BasicStroke(2f));
        m.setLabel(label);
        m.setLabelFont(LABEL);
        m.setLabelPaint(paint);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(4 + 18 * row, 4, 4, 4));
        m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        return m;
    }

    private static Font titleFont() {
        return new Font(Font.SANS_SERIF, Font.BOLD, 15);
    }

    /** A name from the bundle as a chart shows it: short, invisible and bidi characters as escapes. */
    private static String label(String s) {
        return Texts.chartLabel(s, 40);
    }

    /**
     * What a chart leaves out of a hostile bundle's lists: at most {@link Limits#CHART_LANES}
     * lanes and {@link Limits#CHART_BLOCKS} blocks, and a subtitle that says so.
     */
    private static final class Bound {
        private long left;

        <T> List<T> first(List<T> list, int max) {
            if (list.size() <= max) {
                return list;
            }
            left += list.size() - max;
            return list.subList(0, max);
        }

        void note(JFreeChart chart) {
            if (left > 0) {
                chart.addSubtitle(new TextTitle(String.format(Locale.ROOT,
                        "%,d more threads, carriers, runs or blocks in the bundle are not drawn", left), LABEL));
            }
        }
    }

    /** {@code ForkJoinPool-1-worker-3} as {@code worker-3}: the pool's number is the same for all. */
    static String shortCarrier(String carrier) {
        int w = carrier.lastIndexOf("worker-");
        return w >= 0 ? carrier.substring(w) : carrier;
    }
}
