package cn.lishui.police.grid.open311;

import cn.lishui.police.platform.error.DomainException;
import org.springframework.http.HttpStatus;

/** A refusal of the Open311 API, answered as GeoReport's error array ({@link Open311Errors}). */
class Open311Exception extends DomainException {

    Open311Exception(HttpStatus status, String code, Object... args) {
        super(status, code, args);
    }

    static Open311Exception bad(String code, Object... args) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, code, args);
    }

    static Open311Exception absent(String code, Object... args) {
        return new Open311Exception(HttpStatus.NOT_FOUND, code, args);
    }
}
