package cn.lishui.police.grid.swarm;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import cn.lishui.police.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Liaison groups (蜂群) and their broadcasts. POSTs honour Idempotency-Key. */
@RestController
@RequestMapping("/api/grid")
class LiaisonGroupController {

    private final LiaisonGroups groups;

    LiaisonGroupController(LiaisonGroups groups) {
        this.groups = groups;
    }

    @PostMapping("/liaison-groups")
    @PreAuthorize("hasAnyRole('POLICE', 'COMMANDER', 'ADMIN')")
    ResponseEntity<LiaisonGroups.GroupView> create(@Valid @RequestBody LiaisonGroups.NewGroup command) {
        LiaisonGroup group = groups.create(command, Caller.current());
        return ResponseEntity.created(URI.create("/api/grid/liaison-groups/" + group.id())).body(groups.view(group));
    }

    @GetMapping("/liaison-groups")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    Page<LiaisonGroups.GroupView> list(@RequestParam(required = false)
                                       @Pattern(regexp = "\\d{6}", message = "{coverage.county.format}") String county,
                                       @RequestParam(required = false) String stationId, Pageable pageable) {
        return groups.groups(county, stationId, Caller.current(), pageable).map(groups::view);
    }

    @GetMapping("/liaison-groups/{id}")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    LiaisonGroups.GroupView group(@PathVariable String id) {
        return groups.view(groups.group(id, Caller.current()));
    }

    @PostMapping("/liaison-groups/{id}/members")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    ResponseEntity<LiaisonGroups.MemberView> addMember(@PathVariable String id,
                                                       @Valid @RequestBody LiaisonGroups.NewMember command) {
        LiaisonMember member = groups.addMember(id, command, Caller.current());
        return ResponseEntity.created(URI.create("/api/grid/liaison-groups/" + id + "/members/" + member.id()))
                .body(LiaisonGroups.MemberView.of(member));
    }

    /** Members, phones masked. */
    @GetMapping("/liaison-groups/{id}/members")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    Page<LiaisonGroups.MemberView> members(@PathVariable String id, Pageable pageable) {
        return groups.members(id, Caller.current(), pageable).map(LiaisonGroups.MemberView::of);
    }

    /** The on-call roster of a date (today by default). */
    @GetMapping("/liaison-groups/{id}/on-call")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    List<LiaisonGroups.MemberView> onCall(@PathVariable String id, @RequestParam(required = false)
                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return groups.onCall(id, date, Caller.current()).stream().map(LiaisonGroups.MemberView::of).toList();
    }

    @PostMapping("/liaison-broadcasts")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER')")
    ResponseEntity<LiaisonGroups.BroadcastView> broadcast(@Valid @RequestBody LiaisonGroups.NewBroadcast command) {
        Broadcast broadcast = groups.broadcast(command, Caller.current());
        return ResponseEntity.created(URI.create("/api/grid/liaison-broadcasts/" + broadcast.id()))
                .body(LiaisonGroups.BroadcastView.of(broadcast));
    }

    @GetMapping("/liaison-broadcasts")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    List<LiaisonGroups.BroadcastView> broadcasts() {
        return groups.broadcasts(Caller.current()).stream().map(LiaisonGroups.BroadcastView::of).toList();
    }

    @GetMapping("/liaison-broadcasts/{id}")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    LiaisonGroups.BroadcastView broadcastView(@PathVariable String id) {
        return LiaisonGroups.BroadcastView.of(groups.broadcast(id, Caller.current()));
    }

    /** A member acknowledges (or staff record it for {@code memberId}); once per member. */
    @PostMapping("/liaison-broadcasts/{id}/actions/acknowledge")
    LiaisonGroups.BroadcastView acknowledge(@PathVariable String id,
                                            @RequestBody(required = false) @Valid LiaisonGroups.Acknowledge command) {
        return LiaisonGroups.BroadcastView.of(groups.acknowledge(id, command, Caller.current()));
    }
}
