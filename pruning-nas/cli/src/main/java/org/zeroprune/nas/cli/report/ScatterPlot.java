package org.zeroprune.nas.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** A score-versus-fidelity scatter plot drawn with JFreeChart as inline SVG. */
public final class ScatterPlot {
    private static final int WIDTH = 460;
    private static final int HEIGHT = 340;

    private ScatterPlot() {
    }

    /**
     * The SVG element of one strategy's plot.
     *
     * @param title the chart title
     * @param scores x values
     * @param fidelity y values
     * @param topPick index of the strategy's top pick, drawn apart
     * @param best index of the best measured candidate, drawn apart
     */
    public static String svg(String title, double[] scores, double[] fidelity, int topPick, int best) {
        XYSeries candidates = new XYSeries("candidates");
        for (int i = 0; i < scores.length; i++) {
            candidates.add(scores[i], fidelity[i]);
        }
        XYSeries pick = new XYSeries("top pick");
        pick.add(scores[topPick], fidelity[topPick]);
        XYSeries bestSeries = new XYSeries("best measured");
        bestSeries.add(scores[best], fidelity[best]);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(candidates);
        data.addSeries(pick);
        data.addSeries(bestSeries);
        JFreeChart chart = ChartFactory.createScatterPlot(title, "strategy score", "fidelity (mean cosine)", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(new Color(0xF7F7F7));
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, new Color(0x1F77B4));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setSeriesPaint(1, new Color(0xD62728));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));
        renderer.setSeriesPaint(2, new Color(0x2CA02C));
        renderer.setSeriesShape(2, new Rectangle(-5, -5, 10, 10));
        renderer.setSeriesStroke(2, new BasicStroke(2f));
        plot.setRenderer(renderer);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement();
    }
}
