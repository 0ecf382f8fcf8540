package dev.zkjvm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** Master URLs and Spark settings made from a configuration, without starting Spark. */
class SparkRunnerConfigTest {
    @Test
    void defaultIsLocalModeWithAThreadPerProcessorAndTwoAttempts() {
        int processors = Runtime.getRuntime().availableProcessors();
        SparkRunnerConfig config = SparkRunnerConfig.defaults();
        assertTrue(config.isLocal());
        assertEquals("local[" + processors + ",2]", config.sparkMaster());
        assertEquals("local[" + processors + ",2]", SparkRunnerConfig.forMaster(" ").sparkMaster());
    }

    @Test
    void localUrlsGetTheConfiguredAttemptsUnlessTheyNameTheirOwn() {
        assertEquals("local[1,2]", SparkRunnerConfig.forMaster("local").sparkMaster());
        assertEquals("local[3,2]", SparkRunnerConfig.forMaster("local[3]").sparkMaster());
        assertEquals("local[*,4]", SparkRunnerConfig.forMaster("local[*]").withTaskAttempts(4).sparkMaster());
        assertEquals("local[2,5]", SparkRunnerConfig.forMaster("local[2,5]").sparkMaster());
        assertEquals("local[2,2]", SparkRunnerConfig.defaults().withExecutors(2).sparkMaster());
    }

    @Test
    void executorsMustAgreeWithALocalUrlsThreads() {
        assertEquals("local[2,2]", SparkRunnerConfig.forMaster("local[2]").withExecutors(2).sparkMaster());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkRunnerConfig.forMaster("local[4]").withExecutors(2).sparkMaster());
        assertTrue(e.getMessage().contains("local[4]"), e.getMessage());
    }

    @Test
    void clusterUrlsPassThroughWithAttemptsAsMaxFailures() {
        SparkRunnerConfig config = SparkRunnerConfig.forMaster("spark://10.0.0.1:7077").withTaskAttempts(3);
        assertFalse(config.isLocal());
        SparkConf conf = config.sparkConf();
        assertEquals("spark://10.0.0.1:7077", conf.get("spark.master"));
        assertEquals("3", conf.get("spark.task.maxFailures"));
        assertEquals("zkjvm", conf.get("spark.app.name"));
        assertEquals("false", conf.get("spark.ui.enabled"));
        assertFalse(conf.contains("spark.cores.max"));
    }

    @Test
    void standaloneExecutorsBecomeOneCoreExecutorsUpToACoreLimit() {
        SparkConf conf = SparkRunnerConfig.forMaster("spark://h:7077").withExecutors(2).sparkConf();
        assertEquals("1", conf.get("spark.executor.cores"));
        assertEquals("2", conf.get("spark.cores.max"));
        SparkConf wide = SparkRunnerConfig.forMaster("spark://h:7077").withExecutors(2)
                .withProperty("spark.executor.cores", "4").sparkConf();
        assertEquals("8", wide.get("spark.cores.max"));
        SparkConf yarn = SparkRunnerConfig.forMaster("yarn").withExecutors(3).sparkConf();
        assertEquals("3", yarn.get("spark.executor.instances"));
    }

    @Test
    void propertiesComeLastAndRejectNonsense() {
        SparkConf conf = SparkRunnerConfig.defaults().withProperty("spark.ui.enabled", "true").sparkConf();
        assertEquals("true", conf.get("spark.ui.enabled"));
        assertThrows(IllegalArgumentException.class, () -> SparkRunnerConfig.defaults().withExecutors(-1));
        assertThrows(IllegalArgumentException.class, () -> SparkRunnerConfig.defaults().withTaskAttempts(0));
    }

    @Test
    void localClusterExecutorsRunOnThisMachineFromThisClassPathWithinAWorkersMemory() {
        SparkRunnerConfig config = SparkRunnerConfig.forMaster("local-cluster[2, 1, 700]");
        assertTrue(config.isLocalCluster());
        assertFalse(config.isLocal());
        SparkConf conf = config.sparkConf();
        assertEquals("local-cluster[2, 1, 700]", conf.get("spark.master"));
        assertEquals("700m", conf.get("spark.executor.memory"));
        assertEquals(System.getProperty("java.class.path"), conf.get("spark.executor.extraClassPath"));
        assertEquals("127.0.0.1", conf.get("spark.driver.host"));
        assertEquals("2.12", conf.get("spark.executorEnv.SPARK_SCALA_VERSION"));
        assertFalse(conf.contains("spark.jars"));
        assertFalse(SparkRunnerConfig.forMaster("spark://h:7077").isLocalCluster());
    }
}
