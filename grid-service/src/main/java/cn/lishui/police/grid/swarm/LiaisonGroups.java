package cn.lishui.police.grid.swarm;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.lishui.police.grid.access.CallerArea;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import cn.lishui.police.platform.region.LishuiCounty;
import cn.lishui.police.platform.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

/**
 * Liaison groups (蜂群): groups per station, their members and on-call roster, alerts broadcast to groups,
 * and the members' acknowledgements with the rate and time of acknowledgement per broadcast.
 */
@Service
class LiaisonGroups {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    record NewGroup(@NotBlank @Size(max = 50) String name,
                    @NotNull @Pattern(regexp = "station-\\d{6}-\\d{2}", message = "{officer.stationId.format}") String stationId,
                    @Pattern(regexp = "\\d{12}", message = "{policeOffice.regionCode.format}") String townCode) {
    }

    record NewMember(@NotBlank @Size(max = 30) String name, @NotNull MemberRole role,
                     @NotNull @Pattern(regexp = "\\+?[0-9 -]{7,20}", message = "{resident.phone.format}") String phone,
                     Set<DayOfWeek> onCallDays, @Size(max = 100) String account) {
    }

    record NewBroadcast(@NotEmpty @Size(max = 50) List<@NotBlank String> groupIds,
                        @NotBlank @Size(max = 1000) String text, @Size(max = 64) String incidentId) {
    }

    record Acknowledge(@Size(max = 64) String memberId) {
    }

    record GroupView(String id, String name, String stationId, String countyCode, String townCode, long members) {
    }

    record MemberView(String id, String groupId, String name, MemberRole role, String phone, Set<DayOfWeek> onCallDays) {

        static MemberView of(LiaisonMember member) {
            return new MemberView(member.id(), member.groupId(), member.name(), member.role(),
                    member.phone() == null ? null : member.phone().masked(), member.onCallDays());
        }
    }

    /** A broadcast with how it was acknowledged: the share of recipients and the time they took. */
    record BroadcastView(String id, List<String> groupIds, String countyCode, String text, String incidentId,
                         java.time.Instant sentAt, long recipients, long acknowledged, Double ackRate,
                         Long medianAckSeconds, Long p90AckSeconds) {

        static BroadcastView of(Broadcast broadcast) {
            List<Long> seconds = broadcast.acks().stream()
                    .map(a -> Math.max(0, Duration.between(broadcast.sentAt(), a.at()).toSeconds())).sorted().toList();
            long acknowledged = seconds.size();
            return new BroadcastView(broadcast.id(), broadcast.groupIds(), broadcast.countyCode(), broadcast.text(),
                    broadcast.incidentId(), broadcast.sentAt(), broadcast.recipients(), acknowledged,
                    broadcast.recipients() == 0 ? null
                            : Math.round(acknowledged * 10_000.0 / broadcast.recipients()) / 10_000.0,
                    quantile(seconds, 0.5), quantile(seconds, 0.9));
        }

        private static Long quantile(List<Long> sorted, double q) {
            return sorted.isEmpty() ? null : sorted.get((int) Math.ceil(q * sorted.size()) - 1);
        }
    }

    private final MongoTemplate mongo;
    private final PersonalDataProtector protector;
    private final Clock clock;
    private final MeterRegistry meters;

    LiaisonGroups(MongoTemplate mongo, PersonalDataProtector protector, ObjectProvider<Clock> clock,
                  ObjectProvider<MeterRegistry> meters) {
        this.mongo = mongo;
        this.protector = protector;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
    }

    LiaisonGroup create(NewGroup command, Caller caller) {
        String county = command.stationId().substring("station-".length(), "station-".length() + 6);
        if (!LishuiCounty.isCountyCode(county)) {
            throw DomainException.unprocessable("UNKNOWN_STATION", command.stationId());
        }
        inArea(caller, county);
        if (command.townCode() != null && !command.townCode().startsWith(county)) {
            throw DomainException.unprocessable("OUTSIDE_STATION_AREA", command.stationId(), command.townCode());
        }
        return mongo.insert(new LiaisonGroup(UUID.randomUUID().toString(), command.name().strip(), command.stationId(),
                county, command.townCode(), caller.subject(), clock.instant(), null));
    }

    LiaisonGroup group(String id, Caller caller) {
        LiaisonGroup group = mongo.findById(id, LiaisonGroup.class);
        if (group == null || !CallerArea.covers(caller, group.countyCode())) {
            throw DomainException.notFound("LIAISON_GROUP_NOT_FOUND", id);
        }
        return group;
    }

    GroupView view(LiaisonGroup group) {
        return new GroupView(group.id(), group.name(), group.stationId(), group.countyCode(), group.townCode(),
                mongo.count(Query.query(Criteria.where("groupId").is(group.id())), LiaisonMember.class));
    }

    Page<LiaisonGroup> groups(String county, String stationId, Caller caller, Pageable pageable) {
        Optional<String> own = CallerArea.countyOf(caller);
        if (own.isPresent() && county != null && !own.get().equals(county)) {
            throw DomainException.forbidden("OUTSIDE_CALLER_AREA", county);
        }
        Criteria criteria = new Criteria();
        String scope = county != null ? county : own.orElse(null);
        if (scope != null) {
            criteria.and("countyCode").is(scope);
        }
        if (stationId != null) {
            criteria.and("stationId").is(stationId);
        }
        Query query = Query.query(criteria);
        return PageableExecutionUtils.getPage(mongo.find(Query.of(query).with(pageable)
                .with(Sort.by("stationId", "name")), LiaisonGroup.class), pageable,
                () -> mongo.count(query, LiaisonGroup.class));
    }

    LiaisonMember addMember(String groupId, NewMember command, Caller caller) {
        LiaisonGroup group = group(groupId, caller);
        Set<DayOfWeek> days = command.onCallDays() == null || command.onCallDays().isEmpty()
                ? Set.of() : EnumSet.copyOf(command.onCallDays());
        return mongo.insert(new LiaisonMember(UUID.randomUUID().toString(), group.id(), group.countyCode(),
                command.name().strip(), command.role(), protector.protect(PersonalDataKind.PHONE, command.phone()),
                days, command.account() == null || command.account().isBlank() ? null : command.account().strip()));
    }

    Page<LiaisonMember> members(String groupId, Caller caller, Pageable pageable) {
        LiaisonGroup group = group(groupId, caller);
        Query query = Query.query(Criteria.where("groupId").is(group.id()));
        return PageableExecutionUtils.getPage(mongo.find(Query.of(query).with(pageable).with(Sort.by("name", "id")),
                LiaisonMember.class), pageable, () -> mongo.count(query, LiaisonMember.class));
    }

    /** The members on call on a date (Asia/Shanghai; today by default). */
    List<LiaisonMember> onCall(String groupId, LocalDate date, Caller caller) {
        LiaisonGroup group = group(groupId, caller);
        DayOfWeek day = (date == null ? LocalDate.now(clock.withZone(LOCAL)) : date).getDayOfWeek();
        return mongo.find(Query.query(Criteria.where("groupId").is(group.id()).and("onCallDays").is(day))
                .with(Sort.by("name", "id")), LiaisonMember.class);
    }

    Broadcast broadcast(NewBroadcast command, Caller caller) {
        List<String> ids = command.groupIds().stream().map(String::strip).distinct().toList();
        List<LiaisonGroup> groups = new ArrayList<>();
        for (String id : ids) {
            LiaisonGroup group = mongo.findById(id, LiaisonGroup.class);
            if (group == null || !CallerArea.covers(caller, group.countyCode())) {
                throw DomainException.unprocessable("LIAISON_GROUP_NOT_FOUND", id);
            }
            groups.add(group);
        }
        String county = groups.get(0).countyCode();
        String incidentId = blankToNull(command.incidentId());
        // The incident collection belongs to the incident feature; a broadcast only checks the link exists.
        if (incidentId != null && mongo.getCollection("incidents")
                .countDocuments(new org.bson.Document("_id", incidentId)) == 0) {
            throw DomainException.unprocessable("INCIDENT_NOT_FOUND", incidentId);
        }
        long recipients = mongo.count(Query.query(Criteria.where("groupId").in(ids)), LiaisonMember.class);
        Broadcast broadcast = mongo.insert(new Broadcast(UUID.randomUUID().toString(), ids, county,
                command.text().strip(), incidentId, caller.subject(), clock.instant(), recipients,
                List.of()));
        Counter.builder("fengqiao.liaison.broadcast.recipients").description("Members an alert was broadcast to")
                .tag("county", county).register(meters).increment(recipients);
        return broadcast;
    }

    Broadcast broadcast(String id, Caller caller) {
        Broadcast broadcast = mongo.findById(id, Broadcast.class);
        if (broadcast == null || !CallerArea.covers(caller, broadcast.countyCode())) {
            throw DomainException.notFound("BROADCAST_NOT_FOUND", id);
        }
        return broadcast;
    }

    List<Broadcast> broadcasts(Caller caller) {
        Criteria criteria = new Criteria();
        CallerArea.countyOf(caller).ifPresent(county -> criteria.and("countyCode").is(county));
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "sentAt")).limit(100), Broadcast.class);
    }

    /**
     * A member acknowledges, once: the member themselves (their account is the token's subject) or staff
     * recording it for them (e.g. after a phone call). A repeat changes nothing.
     */
    Broadcast acknowledge(String broadcastId, Acknowledge command, Caller caller) {
        Broadcast broadcast = mongo.findById(broadcastId, Broadcast.class);
        if (broadcast == null) {
            throw DomainException.notFound("BROADCAST_NOT_FOUND", broadcastId);
        }
        LiaisonMember member;
        boolean staff = caller.hasAnyRole("GRID_OFFICER", "POLICE", "COMMANDER");
        if (staff) {
            if (!CallerArea.covers(caller, broadcast.countyCode())) {
                throw DomainException.notFound("BROADCAST_NOT_FOUND", broadcastId);
            }
            if (command == null || command.memberId() == null) {
                throw DomainException.badRequest("LIAISON_MEMBER_REQUIRED");
            }
            member = mongo.findById(command.memberId(), LiaisonMember.class);
        } else {
            member = mongo.findOne(Query.query(Criteria.where("account").in(accounts(caller))
                    .and("groupId").in(broadcast.groupIds())), LiaisonMember.class);
        }
        if (member == null || !broadcast.groupIds().contains(member.groupId())) {
            throw DomainException.forbidden("NOT_A_RECIPIENT", broadcastId);
        }
        var now = clock.instant();
        Broadcast updated = mongo.findAndModify(Query.query(Criteria.where("_id").is(broadcastId)
                        .and("acks.memberId").ne(member.id())),
                new Update().push("acks", new Broadcast.Ack(member.id(), now, caller.subject())),
                FindAndModifyOptions.options().returnNew(true), Broadcast.class);
        if (updated == null) {
            return mongo.findById(broadcastId, Broadcast.class);
        }
        Counter.builder("fengqiao.liaison.broadcast.acknowledgements").description("Acknowledgements of broadcast alerts")
                .tag("county", updated.countyCode()).register(meters).increment();
        Timer.builder("fengqiao.liaison.broadcast.ack").description("From broadcast to acknowledgement")
                .tag("county", updated.countyCode()).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(2))
                .register(meters).record(Duration.between(updated.sentAt(), now));
        return updated;
    }

    private static List<String> accounts(Caller caller) {
        List<String> accounts = new ArrayList<>();
        if (caller.subject() != null) {
            accounts.add(caller.subject());
        }
        if (caller.username() != null) {
            accounts.add(caller.username());
        }
        return accounts;
    }

    private static void inArea(Caller caller, String county) {
        if (!CallerArea.covers(caller, county)) {
            throw DomainException.forbidden("OUTSIDE_CALLER_AREA", county);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
