package cn.lishui.police.platform.config;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's logs go through Commons Logging's Log4j API adapter (the platform's commons-logging.properties), which
 * checks the level before a message is rendered, not its default SLF4J adapter, which renders every debug message
 * first (spring-projects/spring-framework#37266); what is written still reaches SLF4J.
 */
class CommonsLoggingTest {

    @Test
    void springLogsThroughTheAdapterThatChecksTheLevelFirst() {
        assertThat(LogFactory.getFactory().getClass().getName())
                .isEqualTo("org.apache.commons.logging.impl.Log4jApiLogFactory");
        Log log = LogFactory.getLog(CommonsLoggingTest.class);
        assertThat(log.isDebugEnabled()).isEqualTo(org.slf4j.LoggerFactory.getLogger(CommonsLoggingTest.class)
                .isDebugEnabled());
    }
}
