package org.racelab.harness.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
            "logicalProcessors", "nonvoluntarySwitches", "voluntarySwitches", "schedstatTimeslices", "level");
    /** Cleaning lines past this many are summed up in one, so a hostile file cannot flood a page. */
    static final int MAX_LINES = 20;

    private final String where;
    private final List<String> cleaned;
    private int more;

    BundleCleaner(String where, List<String> cleaned) {
        this.where = where;
        this.cleaned = cleaned;
    }

    void clean(JsonNode root, String path) throws BadBundleException {
        walk(root, path, null);
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

    private void note(String line) {
        if (cleaned.size() < MAX_LINES) {
            cleaned.add(Records.clip((line), 200));
        } else {
            more++;
        }
    }
}
