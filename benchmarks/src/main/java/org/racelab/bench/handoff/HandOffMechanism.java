package org.racelab.bench.handoff;

import java.util.concurrent.Exchanger;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A way for two threads to pass a token back and forth, each side blocking until the other
 * has acted: every hand-off is a thread going to sleep and another one being woken.
 * {@link #roundTrip} runs on the driver, {@link #echo} on the partner, until it is interrupted.
 */
abstract class HandOffMechanism {

    static final Object TOKEN = new Object();

    /** Two hand-offs: the token goes to the partner and comes back. */
    abstract Object roundTrip() throws InterruptedException;

    /** The partner's side: returns when its thread is interrupted. */
    abstract void echo();

    /** Told the partner thread before the first round trip. */
    void attach(Thread partner) {
    }

    static HandOffMechanism of(String name) {
        return switch (name) {
            case "SynchronousQueue" -> new Queues();
            case "Exchanger" -> new Exchange();
            case "LockSupport" -> new ParkUnpark();
            default -> throw new IllegalArgumentException("unknown hand-off mechanism: " + name);
        };
    }

    /** Two SynchronousQueues: put blocks until the other side takes. */
    private static final class Queues extends HandOffMechanism {
        private final SynchronousQueue<Object> ping = new SynchronousQueue<>();
        private final SynchronousQueue<Object> pong = new SynchronousQueue<>();

        @Override
        Object roundTrip() throws InterruptedException {
            ping.put(TOKEN);
            return pong.take();
        }

        @Override
        void echo() {
            try {
                while (true) {
                    pong.put(ping.take());
                }
            } catch (InterruptedException e) {
                // the trial is over
            }
        }
    }

    /** One Exchanger, met twice per round trip: each meeting wakes the side that came first. */
    private static final class Exchange extends HandOffMechanism {
        private final Exchanger<Object> exchanger = new Exchanger<>();

        @Override
        Object roundTrip() throws InterruptedException {
            exchanger.exchange(TOKEN);
            return exchanger.exchange(TOKEN);
        }

        @Override
        void echo() {
            try {
                Object x = TOKEN;
                while (true) {
                    x = exchanger.exchange(x);
                }
            } catch (InterruptedException e) {
                // the trial is over
            }
        }
    }

    /** The bare primitive under the other two: whose turn it is, and park/unpark. */
    private static final class ParkUnpark extends HandOffMechanism {
        private volatile boolean partnersTurn;
        private volatile Thread driver;
        private volatile Thread partner;

        @Override
        Object roundTrip() {
            // JMH may run iterations on different worker threads: the driver says who it is each time.
            driver = Thread.currentThread();
            Thread p = partner;
            partnersTurn = true;
            LockSupport.unpark(p);
            while (partnersTurn) {
                LockSupport.park(this);
            }
            return p;
        }

        @Override
        void attach(Thread partner) {
            this.partner = partner;
        }

        @Override
        void echo() {
            while (!Thread.currentThread().isInterrupted()) {
                if (partnersTurn) {
                    partnersTurn = false;
                    LockSupport.unpark(driver);
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }
}
