package org.racelab.harness.bench;

import org.racelab.harness.format.Format;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.LinkedHashMap;
import java.util.Map;

/** How racelab names a benchmark: {@code Class.method}, without the package. */
final class BenchNames {

    private BenchNames() {
    }

    static String shortName(String fullName) {
        int method = fullName.lastIndexOf('.');
        int type = method <= 0 ? -1 : fullName.lastIndexOf('.', method - 1);
        return fullName.substring(type + 1);
    }

    static Map<String, String> params(BenchmarkParams p) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : p.getParamsKeys()) {
            params.put(key, p.getParam(key));
        }
        return params;
    }

    static String label(BenchmarkParams p) {
        Map<String, String> params = params(p);
        return shortName(p.getBenchmark()) + (params.isEmpty() ? "" : " [" + Format.params(params, ",") + "]");
    }
}
