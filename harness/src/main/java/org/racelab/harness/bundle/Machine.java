package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The machine a run measured: everything that changes what concurrency looks like there.
 * Fields that could not be read are null, and {@code missing} says which and why.
 *
 * @param availableProcessors what the JVM was given, which may be fewer than the machine has
 * @param cpusAllowed         the CPUs this process may run on (Linux's {@code Cpus_allowed_list}),
 *                            so a run under {@code taskset} says so
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Machine(String host, Cpu cpu, Long memoryBytes, Os os, Jvm jvm,
                      int availableProcessors, String cpusAllowed, long maxHeapBytes, List<String> missing) {
    public Machine {
        missing = Records.list(missing);
    }


    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cpu(String model, String vendor, String microarchitecture, String identifier,
                      Integer sockets, Integer physicalCores, Integer logicalProcessors, Long maxFrequencyHz,
                      List<Cache> caches) {
        public Cpu {
            caches = Records.list(caches);
        }

    }

    public record Cache(int level, String type, long sizeBytes, int lineSize, int associativity) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Os(String family, String version, String kernel, String arch, Integer bitness) {
    }

    public record Jvm(String vendor, String version, String vmName, String vmVersion,
                      String home, List<String> inputArguments) {
        public Jvm {
            inputArguments = Records.list(inputArguments);
        }

    }
}
