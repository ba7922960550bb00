package org.racelab.harness.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks on a bundle's numbers before they are typed: a number that is not finite (a JSON
 * writer that let {@code 1e999} through) refuses the bundle; a negative count, which no run
 * writes, is read as 0 and said so. Only the fields that count something are counts: a memory
 * slope, for one, may well be negative.
 */
final class BundleCleaner {

    static final Set<String> COUNTS = Set.of("count", "samples", "raceSamples", "sampleMillis", "actors", "fork",
            "cpus", "availableProcessors", "planned", "budgetMillis", "stride", "requested", "reached", "threads",
            "virtualThreads", "rounds", "movedThreads", "maxInFlight", "runs", "gaps", "carriers", "memoryBytes",
            "maxHeapBytes", "sizeBytes", "lineSize", "associativity", "sockets", "physicalCores",
            "logicalProcessors", "nonvoluntarySwitches", "voluntarySwitches", "schedstatTimeslices", "level", "watchdogMillis",
            "graceMillis");

    private final String where;
    private final List<String> cleaned;
    private int more;

    BundleCleaner(String where, List<String> cleaned) {
        this.where = where;
        this.cleaned = cleaned;
    }

    void clean(JsonNode root, String path) throws BadBundleException {
        walk(root, path, null);
        duplicates(root, "stress");
        duplicates(root, "vrace");
        if (more > 0) {
            cleaned.add("... and " + more + " more cleaned the same way");
        }
    }

    private void walk(JsonNode node, String path, String field) throws BadBundleException {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            for (Map.Entry<String, JsonNode> e : fields) {
                String name = e.getKey();
                String child = path.isEmpty() ? name : path + "." + name;
                JsonNode value = e.getValue();
                if (value.isNumber() && COUNTS.contains(name) && value.asDouble() < 0) {
                    ((ObjectNode) node).set(name, IntNode.valueOf(0));
                    note(child + " was " + value.asText() + ", a negative count: read as 0");
                } else {
                    walk(value, child, name);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = array.size() - 1; i >= 0; i--) {
                if (array.get(i).isNull()) {
                    array.remove(i);
                    note(path + "[" + i + "] was null: left out");
                }
            }
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), path + "[" + i + "]", field);
            }
        } else if (node.isNumber() && (node.isFloatingPointNumber() && !Double.isFinite(node.asDouble()))) {
            throw new BadBundleException(where + ": field " + (path) + " is not a finite number");
        }
    }

    /**
     * Two tests of one name in a section: both are kept (the pages show each entry, so a failing
     * second entry cannot hide behind a passing first one), and the reader says so.
     */
    private void duplicates(JsonNode root, String section) {
        JsonNode tests = root.path(section).path("tests");
        if (!tests.isArray()) {
            return;
        }
        Map<String, List<Integer>> at = new LinkedHashMap<>();
        for (int i = 0; i < tests.size(); i++) {
            JsonNode name = tests.get(i).path("name");
            if (name.isTextual()) {
                at.computeIfAbsent(name.asText(), k -> new ArrayList<>()).add(i);
            }
        }
        at.forEach((name, entries) -> {
            if (entries.size() > 1) {
                note(section + ".tests has " + entries.size() + " entries named " + Records.clip(name, 80)
                        + " (" + entries.stream().map(i -> "[" + i + "]").collect(Collectors.joining(", "))
                        + "): each is shown");
            }
        });
    }

    private void note(String line) {
        if (cleaned.size() < Limits.CLEANED_LINES) {
            cleaned.add(Records.clip((line), 200));
        } else {
            more++;
        }
    }
}
