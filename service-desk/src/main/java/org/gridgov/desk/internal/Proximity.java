package org.gridgov.desk.internal;

import java.text.Normalizer;
import java.util.Optional;

import net.sf.geographiclib.Geodesic;

/** Whether two reports concern the same place: the same address text, or positions close on the ground. */
final class Proximity {

    private Proximity() {
    }

    /** The geodesic distance in metres on the WGS84 ellipsoid; empty when either position is unknown. */
    static Optional<Double> metres(Double lat1, Double lng1, Double lat2, Double lng2) {
        if (lat1 == null || lng1 == null || lat2 == null || lng2 == null) {
            return Optional.empty();
        }
        return Optional.of(Geodesic.WGS84.Inverse(lat1, lng1, lat2, lng2).s12);
    }

    /** Equal after folding full-width characters, case and white space; blank addresses never match. */
    static boolean sameAddress(String a, String b) {
        String left = normalize(a);
        return !left.isEmpty() && left.equals(normalize(b));
    }

    private static String normalize(String address) {
        if (address == null) {
            return "";
        }
        return Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase();
    }
}
