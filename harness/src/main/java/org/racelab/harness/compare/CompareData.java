package org.racelab.harness.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.racelab.harness.bundle.Limits;
import org.racelab.harness.format.Texts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison for programs and spreadsheets, beside the pages: {@code compare.json} (schema
 * {@value #SCHEMA}: the machines, the bundles skipped, the groups, the race rows with a cell per
 * group and per machine, the benchmarks and scheduling figures) and {@code compare.csv}, one row
 * per machine and race row (and per machine and figure), for a pivot table.
 *
 * <p>The values come from other machines' bundles, so {@code compare.csv} is written for a
 * spreadsheet that would run them: a text cell that starts with {@code = + - @}, a tab or a
 * carriage return, which a spreadsheet reads as a formula, is written with a leading {@code '}
 * (OWASP's advice against CSV injection); Apache Commons CSV quotes the rest as RFC 4180 says.
 * Its text shows invisible and bidi characters as escapes, as every page does; compare.json
 * keeps each string as the bundle has it (JSON escapes what it must), for programs to match.
 */
public final class CompareData {

    public static final String JSON = "compare.json";
    public static final String CSV = "compare.csv";
    public static final String SCHEMA = "racelab.compare/1";

    /** The columns of compare.csv. */
    public static final List<String> CSV_HEADER = List.of("section", "machine", "group", "host", "arch", "cpu",
            "cpus", "os", "jdk", "bundle", "test", "configuration", "state", "word", "race_samples", "samples",
            "value");

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CompareData() {
    }

    public static String json(Fleet f) {
        Comparison c = f.perMachine();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("groupedBy", f.grouped() ? f.by().word() : null);
        root.put("groupedWhy", f.byWhy());
        List<Map<String, Object>> machines = new ArrayList<>();
        for (int i = 0; i < c.machines().size(); i++) {
            MachineColumn m = c.machines().get(i);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", m.id());
            o.put("group", f.grouped() ? f.machineGroup().get(i) : null);
            o.put("host", m.host());
            GroupBy[] by = GroupBy.values();
            for (int k = 0; k < by.length; k++) {
                o.put(by[k].word(), f.facts().get(i).get(k));
            }
            o.put("cpuDetail", m.cpu());
            o.put("coresDetail", m.cores());
            o.put("osDetail", m.os());
            o.put("jdkDetail", m.jdk());
            o.put("bundle", m.source());
            o.put("startedAt", m.startedAt());
            o.put("racelab", m.racelab());
            machines.add(o);
        }
        root.put("machines", machines);
        root.put("skipped", f.skipped());
        root.put("cleaned", c.cleaned());
        root.put("differences", f.differences());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Fleet.Group g : f.groups()) {
            groups.add(Map.of("id", g.id(), "label", g.label(), "machines",
                    g.members().stream().map(i -> c.machines().get(i).id()).toList()));
        }
        root.put("groups", groups);
        List<Map<String, Object>> races = new ArrayList<>();
        for (int r = 0; r < c.races().size(); r++) {
            Comparison.RaceRow row = c.races().get(r);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("case", row.caseName());
            o.put("variant", row.variant());
            o.put("kind", row.kind());
            o.put("configuration", row.config());
            o.put("sc", row.sc());
            if (f.grouped()) {
                Fleet.GroupRow g = f.races().get(r);
                o.put("flag", g.flag());
                o.put("why", g.why());
                List<Map<String, Object>> cells = new ArrayList<>();
                for (int k = 0; k < g.cells().size(); k++) {
                    GroupCell cell = g.cells().get(k);
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("group", f.groups().get(k).id());
                    x.put("word", cell.word());
                    x.put("seenOn", cell.seenOn());
                    x.put("ranOn", cell.ranOn());
                    x.put("noRaceOn", cell.noRaceOn());
                    x.put("notRun", cell.notRun());
                    x.put("raceSamples", cell.pooled().observed());
                    x.put("samples", cell.pooled().total());
                    cells.add(x);
                }
                o.put("groups", cells);
            } else {
                o.put("flag", row.flag());
                o.put("why", row.why());
            }
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int k = 0; k < row.cells().size(); k++) {
                RaceCell cell = row.cells().get(k);
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("machine", c.machines().get(k).id());
                x.put("state", cell.state());
                x.put("word", cell.word());
                x.put("raceSamples", cell.observed());
                x.put("samples", cell.total());
                cells.add(x);
            }
            o.put("machines", cells);
            races.add(o);
        }
        root.put("races", races);
        root.put("racesNote", c.racesNote());
        root.put("bench", figures(c.bench(), c));
        root.put("benchByGroup", f.grouped() ? f.bench() : List.of());
        root.put("sched", figures(c.sched(), c));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("compare.json: " + e.getOriginalMessage(), e);
        }
    }

    private static List<Map<String, Object>> figures(List<Comparison.FigureRow> rows, Comparison c) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Comparison.FigureRow r : rows) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < r.values().size(); i++) {
                values.put(c.machines().get(i).id(), r.values().get(i));
            }
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("group", r.group());
            o.put("label", r.label());
            o.put("differs", r.differs());
            o.put("values", values);
            out.add(o);
        }
        return out;
    }

    public static String csv(Fleet f) {
        Comparison c = f.perMachine();
        // each machine's columns, shown and neutralised once
        List<List<String>> machines = new ArrayList<>();
        for (int i = 0; i < c.machines().size(); i++) {
            machines.add(cells(machine(f, i)));
        }
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new))
                .get())) {
            for (Comparison.RaceRow row : c.races()) {
                List<String> test = cells(List.of(row.caseName() + "." + row.variant(), row.config()));
                for (int i = 0; i < row.cells().size(); i++) {
                    RaceCell cell = row.cells().get(i);
                    boolean ran = RaceCell.RAN.equals(cell.state());
                    print(p, "race", machines.get(i), test, cells(List.of(cell.state(), cell.word())),
                            ran ? Long.toString(cell.observed()) : "", ran ? Long.toString(cell.total()) : "", "");
                }
            }
            figureRows(p, "bench", c.bench(), machines);
            figureRows(p, "sched", c.sched(), machines);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }

    private static void figureRows(CSVPrinter p, String section, List<Comparison.FigureRow> rows,
                                   List<List<String>> machines) throws IOException {
        for (Comparison.FigureRow r : rows) {
            List<String> figure = cells(List.of(r.label(), r.group() == null ? "" : r.group()));
            for (int i = 0; i < r.values().size(); i++) {
                if (!"-".equals(r.values().get(i))) {
                    print(p, section, machines.get(i), figure, List.of("", ""), "", "",
                            cell(r.values().get(i)));
                }
            }
        }
    }

    /** A machine's columns: its id, group, host, its facts and its bundle. */
    private static List<String> machine(Fleet f, int i) {
        MachineColumn m = f.machines().get(i);
        List<String> line = new ArrayList<>(List.of(m.id(), f.grouped() ? f.machineGroup().get(i) : "", m.host()));
        line.addAll(f.facts().get(i));
        line.add(m.source());
        return line;
    }

    private static void print(CSVPrinter p, String section, List<String> machine, List<String> test,
                              List<String> stateAndWord, String raceSamples, String samples, String value)
            throws IOException {
        List<String> all = new ArrayList<>(CSV_HEADER.size());
        all.add(section);
        all.addAll(machine);
        all.addAll(test);
        all.addAll(stateAndWord);
        all.add(raceSamples);
        all.add(samples);
        all.add(value);
        p.printRecord(all);
    }

    private static List<String> cells(List<String> text) {
        return text.stream().map(CompareData::cell).toList();
    }

    /** A text cell from a bundle: shown as every output shows it, cut to a page's length, and never a formula. */
    private static String cell(String s) {
        return Texts.spreadsheet(Texts.cut(s, Limits.SHOWN_CHARS));
    }
}
