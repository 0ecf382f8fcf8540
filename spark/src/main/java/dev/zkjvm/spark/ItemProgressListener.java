package dev.zkjvm.spark;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Hears Spark's task ends while a job runs and passes them to the {@link MapProgress} of the
 * {@code map} call whose job they belong to: each call tags its jobs with a local property, which
 * Spark copies into its stages' submissions.
 */
final class ItemProgressListener extends SparkListener {
    /** The local property naming the {@code map} call a job belongs to. */
    static final String MAP_PROPERTY = "zkjvm.segment.map";

    private final Map<String, MapProgress> maps = new ConcurrentHashMap<>();
    private final Map<Integer, MapProgress> stages = new ConcurrentHashMap<>();

    void track(String map, MapProgress progress) {
        maps.put(map, progress);
    }

    void untrack(String map) {
        MapProgress progress = maps.remove(map);
        if (progress != null) {
            stages.values().removeIf(p -> p == progress);
        }
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        Properties properties = submitted.properties();
        String map = properties == null ? null : properties.getProperty(MAP_PROPERTY);
        MapProgress progress = map == null ? null : maps.get(map);
        if (progress != null) {
            stages.put(submitted.stageInfo().stageId(), progress);
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        MapProgress progress = stages.get(end.stageId());
        if (progress == null) {
            return;
        }
        int index = end.taskInfo().index();
        if (end.taskInfo().successful()) {
            long millis = end.taskMetrics() != null ? end.taskMetrics().executorRunTime() : end.taskInfo().duration();
            progress.done(index, millis);
        } else if (end.taskInfo().failed()) {
            progress.failed(index);
        }
    }
}
