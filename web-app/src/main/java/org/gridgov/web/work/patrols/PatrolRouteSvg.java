package org.gridgov.web.work.patrols;

import java.util.List;
import java.util.Locale;

import org.gridgov.work.PatrolPoint;

/**
 * A route drawn without map tiles: positions projected into an SVG box (equirectangular, longitude scaled by the
 * cosine of the mean latitude so that a street keeps its shape), north up, with a margin.
 */
record PatrolRouteSvg(int width, int height, String points, String start, String end) {

    static final int WIDTH = 720;
    static final int HEIGHT = 540;
    private static final int MARGIN = 20;

    static PatrolRouteSvg of(List<PatrolPoint> route) {
        if (route.isEmpty()) {
            return new PatrolRouteSvg(WIDTH, HEIGHT, "", null, null);
        }
        double meanLat = route.stream().mapToDouble(PatrolPoint::lat).average().orElse(0);
        double k = Math.cos(Math.toRadians(meanLat));
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (PatrolPoint p : route) {
            minX = Math.min(minX, p.lng() * k);
            maxX = Math.max(maxX, p.lng() * k);
            minY = Math.min(minY, p.lat());
            maxY = Math.max(maxY, p.lat());
        }
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        double scale = Math.min((WIDTH - 2.0 * MARGIN) / spanX, (HEIGHT - 2.0 * MARGIN) / spanY);
        double offX = (WIDTH - spanX * scale) / 2;
        double offY = (HEIGHT - spanY * scale) / 2;
        StringBuilder points = new StringBuilder();
        String first = null;
        String last = null;
        for (PatrolPoint p : route) {
            double x = offX + (p.lng() * k - minX) * scale;
            double y = HEIGHT - (offY + (p.lat() - minY) * scale);
            last = String.format(Locale.ROOT, "%.1f,%.1f", x, y);
            if (first == null) {
                first = last;
            }
            points.append(points.isEmpty() ? "" : " ").append(last);
        }
        return new PatrolRouteSvg(WIDTH, HEIGHT, points.toString(), first, last);
    }

    public String startX() {
        return start == null ? null : start.split(",")[0];
    }

    public String startY() {
        return start == null ? null : start.split(",")[1];
    }

    public String endX() {
        return end == null ? null : end.split(",")[0];
    }

    public String endY() {
        return end == null ? null : end.split(",")[1];
    }
}
