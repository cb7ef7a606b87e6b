package cn.lishui.police.platform.testapp;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An answer of a few megabytes, written after a pause: a client can be gone by the time it is written. */
@RestController
class LongAnswerController {

    record Line(int number, String text) {
    }

    @GetMapping("/api/test/long-answers")
    List<Line> longAnswer(@RequestParam(defaultValue = "0") long delayMillis,
                          @RequestParam(defaultValue = "40000") int lines) throws InterruptedException {
        if (delayMillis > 0) {
            Thread.sleep(delayMillis);
        }
        List<Line> answer = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            answer.add(new Line(i, "网格巡查记录 grid patrol record number " + i));
        }
        return answer;
    }
}
