package org.racelab.harness.machine;

import org.racelab.harness.bundle.Machine;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the machine's fingerprint. Hardware facts come from OSHI, which knows Linux, macOS and
 * Windows; a fact OSHI cannot read here is left out and named in {@link Machine#missing()},
 * never guessed.
 */
public final class MachineProbe {

    private MachineProbe() {
    }

    public static Machine probe() {
        List<String> missing = new ArrayList<>();
        Machine.Cpu cpu = null;
        Long memory = null;
        Machine.Os os = null;
        String host = null;
        try {
            SystemInfo si = new SystemInfo();
            HardwareAbstractionLayer hal = si.getHardware();
            cpu = cpu(hal.getProcessor());
            memory = hal.getMemory().getTotal();
            OperatingSystem o = si.getOperatingSystem();
            os = new Machine.Os(o.getFamily(), o.getVersionInfo().toString(), System.getProperty("os.version"),
                    arch(), o.getBitness());
            host = o.getNetworkParams().getHostName();
        } catch (Throwable e) { // OSHI on an unsupported platform may throw anything, JNA errors included
            missing.add("hardware details: OSHI could not read this machine (" + e + ")");
            os = new Machine.Os(System.getProperty("os.name"), System.getProperty("os.version"),
                    System.getProperty("os.version"), arch(), null);
        }
        if (host == null || host.isBlank()) {
            host = fallbackHost();
        }
        String allowed = cpusAllowed();
        if (allowed == null) {
            missing.add("cpusAllowed: only Linux says which CPUs a process may use (/proc/self/status)");
        }
        Runtime rt = Runtime.getRuntime();
        return new Machine(host, cpu, memory, os, jvm(), rt.availableProcessors(), allowed, rt.maxMemory(),
                List.copyOf(missing));
    }

    private static Machine.Cpu cpu(CentralProcessor p) {
        CentralProcessor.ProcessorIdentifier id = p.getProcessorIdentifier();
        List<Machine.Cache> caches = LinuxCaches.read(Path.of("/sys/devices/system/cpu/cpu0/cache"))
                .orElseGet(() -> p.getProcessorCaches().stream()
                        .map(c -> new Machine.Cache(c.getLevel(), c.getType().name().toLowerCase(Locale.ROOT),
                                c.getCacheSize(), c.getLineSize(), c.getAssociativity()))
                        .toList());
        long maxFreq = p.getMaxFreq();
        return new Machine.Cpu(id.getName().trim(), id.getVendor(), id.getMicroarchitecture(), id.getIdentifier(),
                p.getPhysicalPackageCount(), p.getPhysicalProcessorCount(), p.getLogicalProcessorCount(),
                maxFreq > 0 ? maxFreq : null, caches);
    }

    /** {@code os.arch} with the JVM's {@code amd64} spelled as the rest of the world does. */
    public static String arch() {
        String a = System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86-64" -> "x86_64";
            case "arm64" -> "aarch64";
            default -> a;
        };
    }

    private static Machine.Jvm jvm() {
        return new Machine.Jvm(System.getProperty("java.vendor"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                System.getProperty("java.home"), ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    static String cpusAllowed() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return null;
        }
        try {
            return Files.readAllLines(status).stream()
                    .filter(l -> l.startsWith("Cpus_allowed_list:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String fallbackHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
