package cn.lishui.police.overseas.support;

/** Valid GB 11643 ID-card numbers for tests (the check character computed). */
public final class IdCards {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdCards() {
    }

    /** 青田 (331121), born 1980-05-17, the given sequence. */
    public static String valid(int sequence) {
        String body = "33112119800517" + String.format("%03d", sequence % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK[sum % 11];
    }
}
