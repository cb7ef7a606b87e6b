package cn.lishui.police.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service built on the starter, for the starter's own tests. */
@SpringBootApplication
public class PlatformTestApplication {
}
