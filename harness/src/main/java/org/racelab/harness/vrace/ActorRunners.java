package org.racelab.harness.vrace;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * Generates, at run time, the {@link ActorRunner} of one test class: a hidden class in the
 * test's own package and nest, so that it may call package-private and private actors, with
 * one loop per actor that calls it directly, as the {@code _jcstress} runners JCStress's
 * annotation processor writes do:
 *
 * <pre>
 *   private void actor1(Object[] s, Object[] r, int from, int to) {
 *       Plain[] ls = (Plain[]) s; II_Result[] lr = (II_Result[]) r;
 *       for (int c = from; c &lt; to; c++) { int trap = lr[c].jcstress_trap; ls[c].actor1(lr[c]); }
 *   }
 * </pre>
 *
 * <p>Why bytecode (ASM) and not the alternatives: a method handle or a lambda (LambdaMetafactory)
 * called from racelab's one shared loop makes that call site see every actor of every test, so
 * the JIT cannot inline any of them (the way vrace called its actors before); javac at run time
 * needs a full JDK in the child and some seconds per batch; the JDK's own class-file API is final
 * only from JDK 24, and racelab runs on 21. A generated class gives each actor a loop of its own
 * with a monomorphic, statically bound call site, exactly what C2 sees under JCStress.
 */
final class ActorRunners {

    private static final String RUNNER = Type.getInternalName(ActorRunner.class);
    private static final String OBJECTS = "[Ljava/lang/Object;";
    /** The field JCStress's result classes carry for the null check its runners hoist. */
    static final String TRAP = "jcstress_trap";

    private ActorRunners() {
    }

    /**
     * Defines the runner of a test. {@code stateClass} is the test class itself or its separate
     * {@code @State} class; {@code resultClass} null for a termination-mode test; each method's
     * parameters are the state or the result class, in any order (checked by {@link TestShape}).
     */
    static ActorRunner define(Class<?> testClass, Class<?> stateClass, Class<?> resultClass, List<Method> actors,
                              Method arbiter, Method signal) throws ReflectiveOperationException {
        boolean separate = stateClass != testClass;
        byte[] bytes = bytes(testClass, stateClass, resultClass, actors, arbiter, signal);
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(testClass, MethodHandles.lookup());
        MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes, true,
                MethodHandles.Lookup.ClassOption.NESTMATE);
        Object test = null;
        if (separate) {
            var ctor = testClass.getDeclaredConstructor();
            ctor.setAccessible(true);
            test = ctor.newInstance();
        }
        try {
            // run once, at set-up: the loops themselves call the actors directly
            return (ActorRunner) hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class, Object.class)).invoke(test);
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The class file of a test's runner, before it is defined (the tests read it). */
    static byte[] bytes(Class<?> testClass, Class<?> stateClass, Class<?> resultClass, List<Method> actors,
                        Method arbiter, Method signal) {
        boolean separate = stateClass != testClass;
        String name = Type.getInternalName(testClass) + "$$VraceRunner";
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object"; // the frames never merge two different types; no class is loaded here
            }
        };
        cw.visit(Opcodes.V21, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
                new String[]{RUNNER});
        Gen g = new Gen(cw, name, testClass, stateClass, resultClass, separate);
        g.constructor();
        g.factory("newState", stateClass);
        g.factory("newResult", resultClass);
        g.array("newStates", stateClass);
        g.array("newResults", resultClass);
        g.dispatch(actors.size());
        for (int i = 0; i < actors.size(); i++) {
            g.loop("actor" + i, actors.get(i), Opcodes.ACC_PRIVATE);
        }
        g.loop("arbiter", arbiter, Opcodes.ACC_PUBLIC);
        g.signal(signal);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Writes the methods of one runner class. */
    private record Gen(ClassWriter cw, String name, Class<?> testClass, Class<?> stateClass, Class<?> resultClass,
                       boolean separate) {

        void constructor() {
            if (separate) {
                cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "test", Type.getDescriptor(testClass), null,
                        null).visitEnd();
            }
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(Ljava/lang/Object;)V", null, null);
            mv.visitCode();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            if (separate) {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitVarInsn(Opcodes.ALOAD, 1);
                mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(testClass));
                mv.visitFieldInsn(Opcodes.PUTFIELD, name, "test", Type.getDescriptor(testClass));
            }
            mv.visitInsn(Opcodes.RETURN);
            end(mv);
        }

        void factory(String method, Class<?> c) {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, method, "()Ljava/lang/Object;", null, null);
            mv.visitCode();
            if (c == null) {
                mv.visitInsn(Opcodes.ACONST_NULL);
            } else {
                mv.visitTypeInsn(Opcodes.NEW, Type.getInternalName(c));
                mv.visitInsn(Opcodes.DUP);
                mv.visitMethodInsn(Opcodes.INVOKESPECIAL, Type.getInternalName(c), "<init>", "()V", false);
            }
            mv.visitInsn(Opcodes.ARETURN);
            end(mv);
        }

        void array(String method, Class<?> c) {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, method, "(I)" + OBJECTS, null, null);
            mv.visitCode();
            mv.visitVarInsn(Opcodes.ILOAD, 1);
            mv.visitTypeInsn(Opcodes.ANEWARRAY, c == null ? "java/lang/Object" : Type.getInternalName(c));
            mv.visitInsn(Opcodes.ARETURN);
            end(mv);
        }

        /** {@code run(actor, s, r, from, to)}: a switch to the actor's own loop. */
        void dispatch(int actors) {
            String desc = "(I" + OBJECTS + OBJECTS + "II)V";
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", desc, null, null);
            mv.visitCode();
            Label[] cases = new Label[actors];
            for (int i = 0; i < actors; i++) {
                cases[i] = new Label();
            }
            Label done = new Label();
            mv.visitVarInsn(Opcodes.ILOAD, 1);
            mv.visitTableSwitchInsn(0, actors - 1, done, cases);
            for (int i = 0; i < actors; i++) {
                mv.visitLabel(cases[i]);
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitVarInsn(Opcodes.ALOAD, 2);
                mv.visitVarInsn(Opcodes.ALOAD, 3);
                mv.visitVarInsn(Opcodes.ILOAD, 4);
                mv.visitVarInsn(Opcodes.ILOAD, 5);
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, name, "actor" + i, "(" + OBJECTS + OBJECTS + "II)V", false);
                mv.visitInsn(Opcodes.RETURN);
            }
            mv.visitLabel(done);
            mv.visitInsn(Opcodes.RETURN);
            end(mv);
        }

        /** {@code for (c = from; c < to; c++) call(ls[c], lr[c])}; an empty body when there is no method. */
        void loop(String method, Method m, int access) {
            MethodVisitor mv = cw.visitMethod(access, method, "(" + OBJECTS + OBJECTS + "II)V", null, null);
            mv.visitCode();
            if (m != null) {
                int ls = 5;
                int lr = 6;
                int c = 7;
                mv.visitVarInsn(Opcodes.ALOAD, 1);
                mv.visitTypeInsn(Opcodes.CHECKCAST, arrayOf(stateClass));
                mv.visitVarInsn(Opcodes.ASTORE, ls);
                mv.visitVarInsn(Opcodes.ALOAD, 2);
                mv.visitTypeInsn(Opcodes.CHECKCAST, arrayOf(resultClass));
                mv.visitVarInsn(Opcodes.ASTORE, lr);
                mv.visitVarInsn(Opcodes.ILOAD, 3);
                mv.visitVarInsn(Opcodes.ISTORE, c);
                Label head = new Label();
                Label exit = new Label();
                mv.visitLabel(head);
                mv.visitVarInsn(Opcodes.ILOAD, c);
                mv.visitVarInsn(Opcodes.ILOAD, 4);
                mv.visitJumpInsn(Opcodes.IF_ICMPGE, exit);
                // as JCStress's runners: the state, then the result, into locals; the result's
                // jcstress_trap field read, so that its null check comes before the actor, whose body
                // is then one block with no branch between its reads and C2 may reorder them
                // (message passing's 1, 0); then the call
                int s = 8;
                int r = 9;
                mv.visitVarInsn(Opcodes.ALOAD, ls);
                mv.visitVarInsn(Opcodes.ILOAD, c);
                mv.visitInsn(Opcodes.AALOAD);
                mv.visitVarInsn(Opcodes.ASTORE, s);
                boolean takesResult = resultClass != null
                        && Arrays.asList(m.getParameterTypes()).contains(resultClass);
                if (takesResult) {
                    mv.visitVarInsn(Opcodes.ALOAD, lr);
                    mv.visitVarInsn(Opcodes.ILOAD, c);
                    mv.visitInsn(Opcodes.AALOAD);
                    mv.visitVarInsn(Opcodes.ASTORE, r);
                }
                if (takesResult && hasTrap()) {
                    mv.visitVarInsn(Opcodes.ALOAD, r);
                    mv.visitFieldInsn(Opcodes.GETFIELD, Type.getInternalName(resultClass), TRAP, "I");
                    mv.visitVarInsn(Opcodes.ISTORE, 10);
                }
                call(mv, m, () -> mv.visitVarInsn(Opcodes.ALOAD, s), () -> mv.visitVarInsn(Opcodes.ALOAD, r));
                mv.visitIincInsn(c, 1);
                mv.visitJumpInsn(Opcodes.GOTO, head);
                mv.visitLabel(exit);
            }
            mv.visitInsn(Opcodes.RETURN);
            end(mv);
        }

        void signal(Method m) {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "signal", "(Ljava/lang/Object;)V", null, null);
            mv.visitCode();
            if (m != null) {
                call(mv, m, () -> {
                    mv.visitVarInsn(Opcodes.ALOAD, 1);
                    mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(stateClass));
                }, () -> mv.visitInsn(Opcodes.ACONST_NULL));
            }
            mv.visitInsn(Opcodes.RETURN);
            end(mv);
        }

        /**
         * Whether the result class has JCStress's {@code int jcstress_trap} field (every result class
         * JCStress ships or generates does).
         */
        private boolean hasTrap() {
            try {
                Field f = resultClass.getField(TRAP);
                return f.getType() == int.class && !Modifier.isStatic(f.getModifiers()) && f.getDeclaringClass() == resultClass;
            } catch (NoSuchFieldException e) {
                return false;
            }
        }

        /** Pushes the receiver and the arguments, calls {@code m} directly, drops what it returns. */
        private void call(MethodVisitor mv, Method m, Runnable state, Runnable result) {
            Class<?> receiver;
            if (separate) {
                receiver = testClass;
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitFieldInsn(Opcodes.GETFIELD, name, "test", Type.getDescriptor(testClass));
            } else {
                receiver = stateClass;
                state.run();
            }
            for (Class<?> p : m.getParameterTypes()) {
                (p == stateClass ? state : result).run();
            }
            mv.visitMethodInsn(receiver.isInterface() ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL,
                    Type.getInternalName(receiver), m.getName(), Type.getMethodDescriptor(m), receiver.isInterface());
            Class<?> returned = m.getReturnType();
            if (returned == long.class || returned == double.class) {
                mv.visitInsn(Opcodes.POP2);
            } else if (returned != void.class) {
                mv.visitInsn(Opcodes.POP);
            }
        }

        private static String arrayOf(Class<?> c) {
            return "[" + (c == null ? "Ljava/lang/Object;" : Type.getDescriptor(c));
        }

        private static void end(MethodVisitor mv) {
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
    }
}
