package cn.lishui.police.e2e;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The resources the journeys create, built the way a front end would send them. */
final class Journeys {

    static final String COUNTIES = "/api/grid/counties";
    static final String ROLES = "/api/identity/roles";
    static final String ORGANISATIONS = "/api/mediation/organisations";
    static final String SERVICE_ITEMS = "/api/public/service-items";
    static final String STATIONS = "/api/overseas/stations";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Journeys() {
    }

    /** A people's mediation committee (人民调解委员会) of a town in 莲都区; {@code label} keeps names apart. */
    static Map<String, Object> mediationOrganisation(String label) {
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("name", "莲都区紫金街道人民调解委员会" + label + "-" + SEQUENCE.incrementAndGet());
        organisation.put("kind", "PEOPLES_MEDIATION_COMMITTEE");
        organisation.put("countyCode", "331102");
        return organisation;
    }

    /** An overseas station (警侨驿站) of 青田县's compatriots in Madrid. */
    static Map<String, Object> overseasStation(String label) {
        Map<String, Object> station = new LinkedHashMap<>();
        station.put("name", "马德里警侨驿站" + label + "-" + SEQUENCE.incrementAndGet());
        station.put("country", "ES");
        station.put("city", "Madrid");
        station.put("timeZone", "Europe/Madrid");
        station.put("homeCountyCode", "331121");
        return station;
    }

    /** The path of a 201's {@code Location}, to read the resource back through whichever host. */
    static String pathOf(Http.Response created) {
        assertThat(created.header("Location")).as("Location of " + created).isPresent();
        return URI.create(created.header("Location").orElseThrow()).getRawPath();
    }
}
