package huiqi.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {
    @Test
    void aLocalSessionComputesExactDecimalsWithTheBatchSettings() {
        SparkSession spark = SparkSessions.create("local[2]");
        try {
            SparkBatchRunner.configure(spark);
            assertThat(spark.conf().get("spark.sql.decimalOperations.allowPrecisionLoss")).isEqualTo("false");
            // with precision loss allowed Spark would cut this product to 6 decimals
            assertThat(spark.sql("SELECT CAST('1.1234567' AS DECIMAL(38,7)) * CAST('1.0000001' AS DECIMAL(38,7))").first().getDecimal(0))
                    .isEqualByComparingTo("1.12345681234567");
        } finally {
            spark.stop();
        }
    }
}
