package org.racelab.harness.cli;

import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.ExitCode;
import org.racelab.harness.run.EnvironmentException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.racelab.harness.bundle.Json;
import org.racelab.harness.machine.MachineProbe;

/** {@code racelab sysinfo}: the machine's fingerprint, exactly the JSON that goes into a bundle. */
final class SysinfoCommand implements Command {

    @Override
    public String name() {
        return "sysinfo";
    }

    @Override
    public String summary() {
        return "print this machine's fingerprint as it goes into the bundle (JSON)";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public String example() {
        return "racelab sysinfo > machine.json";
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws EnvironmentException {
        try {
            terminal.out().println(Json.mapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(MachineProbe.probe()));
        } catch (JsonProcessingException e) {
            throw new EnvironmentException("cannot write the fingerprint: " + e.getOriginalMessage());
        }
        return ExitCode.OK;
    }
}
