package org.racelab.harness.vrace;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.openjdk.jcstress.infra.results.II_Result;
import org.racelab.fixtures.Fixture_06_Patterns;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape of the generated actor loop, instruction by instruction, as JCStress's runners have
 * it: the state, then the result, then a read of the result's {@code jcstress_trap} field, then
 * the direct call. The trap read moves the result's null check ahead of the actor, so that C2
 * compiles the actor's body as one block and may reorder its reads: without it (measured on this
 * project's 2-vCPU machine, quick profile, 2026-11-28) vrace on platform threads never saw message
 * passing's {@code 1, 0} in 26 million samples, with it in every one of three quick runs (42 to
 * 168 times), as JCStress does.
 */
class ActorRunnersTest {

    @Test
    void eachActorLoopReadsTheStateThenTheResultThenItsTrapThenCallsTheActor() throws Exception {
        byte[] bytes = ActorRunners.bytes(Fixture_06_Patterns.class, Fixture_06_Patterns.class, II_Result.class,
                List.of(Fixture_06_Patterns.class.getMethod("actor1", II_Result.class),
                        Fixture_06_Patterns.class.getMethod("actor2", II_Result.class)), null, null);
        for (String loop : List.of("actor0", "actor1")) {
            List<String> code = instructions(bytes, loop);
            String actor = loop.equals("actor0") ? "call actor1" : "call actor2";
            int call = code.indexOf(actor);
            int trap = code.indexOf("get jcstress_trap");
            assertTrue(call > 0, loop + ": " + code);
            assertTrue(trap >= 0 && trap < call, "the trap is read before the call: " + code);
            List<String> before = code.subList(0, trap);
            assertEquals(List.of("load state", "load result"),
                    before.stream().filter(s -> s.startsWith("load ")).toList(), loop + ": " + code);
        }
    }

    /** The loop's element loads (AALOAD, with the array they come from), field reads and calls, in order. */
    private static List<String> instructions(byte[] bytes, String method) {
        List<String> out = new ArrayList<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                if (!name.equals(method)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    private int lastArray = -1;

                    @Override
                    public void visitVarInsn(int opcode, int var) {
                        if (opcode == Opcodes.ALOAD) {
                            lastArray = var;
                        }
                    }

                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.AALOAD) {
                            out.add(lastArray == 5 ? "load state" : lastArray == 6 ? "load result" : "load ?");
                        }
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String name, String d) {
                        out.add("get " + name);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String d, boolean itf) {
                        out.add("call " + name);
                    }
                };
            }
        }, 0);
        return out;
    }
}
