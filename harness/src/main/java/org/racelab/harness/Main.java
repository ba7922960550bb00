package org.racelab.harness;

public final class Main {
    public static void main(String[] args) {
        System.out.println("racelab");
    }
}
