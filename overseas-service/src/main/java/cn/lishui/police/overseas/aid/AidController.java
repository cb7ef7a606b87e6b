package cn.lishui.police.overseas.aid;

import java.net.URI;
import java.util.List;

import cn.lishui.police.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Aid from request to receipt: aid requests, donations, the inventory, allocations and shipments. */
@RestController
class AidController {

    static final String REQUESTS = "/api/overseas/aid-requests";
    static final String DONATIONS = "/api/overseas/donations";
    static final String SHIPMENTS = "/api/overseas/shipments";

    private final AidRequests requests;
    private final Donations donations;
    private final Shipments shipments;
    private final Inventory inventory;

    AidController(AidRequests requests, Donations donations, Shipments shipments, Inventory inventory) {
        this.requests = requests;
        this.donations = donations;
        this.shipments = shipments;
        this.inventory = inventory;
    }

    record StockView(ItemType itemType, String key, long onHand, long allocated, long donated, long shipped,
                     long received, long returning) {

        static StockView of(StockLevel level) {
            return new StockView(level.itemType(), level.itemType().key(), level.onHand(), level.allocated(),
                    level.donated(), level.shipped(), level.received(), level.returning());
        }
    }

    @PostMapping(REQUESTS)
    ResponseEntity<AidRequestView> request(@Valid @RequestBody AidCommands.RequestAid command) {
        AidRequest request = requests.request(command, Caller.current());
        return ResponseEntity.created(URI.create(REQUESTS + "/" + request.id())).body(AidRequestView.of(request));
    }

    @GetMapping(REQUESTS)
    Page<AidRequestView> requests(@RequestParam(required = false) String stationId,
                                  @RequestParam(required = false) Fulfilment fulfilment, Pageable pageable) {
        return requests.list(Caller.current(), stationId, fulfilment, pageable).map(AidRequestView::of);
    }

    @GetMapping(REQUESTS + "/{id}")
    AidRequestView request(@PathVariable String id) {
        return AidRequestView.of(requests.get(id, Caller.current()));
    }

    /** Stock allocated to the request; 409 INSUFFICIENT_STOCK names the quantity available. */
    @PostMapping(REQUESTS + "/{id}/allocations")
    @PreAuthorize("hasAnyRole('POLICE', 'COMMANDER', 'ADMIN')")
    ResponseEntity<AidRequestView> allocate(@PathVariable String id,
                                            @Valid @RequestBody AidCommands.Allocate command) {
        AidRequest request = requests.allocate(id, command, Caller.current());
        return ResponseEntity.created(URI.create(REQUESTS + "/" + id)).body(AidRequestView.of(request));
    }

    @PostMapping(REQUESTS + "/{id}/actions/{action:cancel|complete}")
    AidRequestView act(@PathVariable String id, @PathVariable String action) {
        AidRequest request = "cancel".equals(action) ? requests.cancel(id, Caller.current())
                : requests.complete(id, Caller.current());
        return AidRequestView.of(request);
    }

    @PostMapping(DONATIONS)
    @PreAuthorize("hasAnyRole('POLICE', 'COMMANDER', 'ADMIN')")
    ResponseEntity<Donation> donate(@Valid @RequestBody AidCommands.Donate command) {
        Donation donation = donations.donate(command, Caller.current());
        return ResponseEntity.created(URI.create(DONATIONS + "/" + donation.id())).body(donation);
    }

    @GetMapping(DONATIONS)
    @PreAuthorize("hasAnyRole('POLICE', 'COMMANDER', 'ADMIN')")
    Page<Donation> donations(Pageable pageable) {
        return donations.list(pageable);
    }

    /** Stock levels by item type (every type, zero where none). */
    @GetMapping("/api/overseas/inventory")
    @PreAuthorize("hasAnyRole('POLICE', 'WINDOW_CLERK', 'GRID_OFFICER', 'COMMANDER', 'ADMIN')")
    List<StockView> inventory() {
        return inventory.levels().stream().map(StockView::of).toList();
    }

    @PostMapping(SHIPMENTS)
    @PreAuthorize("hasAnyRole('POLICE', 'COMMANDER', 'ADMIN')")
    ResponseEntity<Shipment> ship(@Valid @RequestBody AidCommands.Ship command) {
        Shipment shipment = shipments.create(command, Caller.current());
        return ResponseEntity.created(URI.create(SHIPMENTS + "/" + shipment.id())).body(shipment);
    }

    @GetMapping(SHIPMENTS)
    Page<Shipment> shipments(@RequestParam(required = false) String stationId,
                             @RequestParam(required = false) ShipmentStatus status, Pageable pageable) {
        return shipments.list(Caller.current(), stationId, status, pageable);
    }

    @GetMapping(SHIPMENTS + "/{id}")
    Shipment shipment(@PathVariable String id) {
        return shipments.get(id, Caller.current());
    }

    /** send, transit, receive (the station's staff), cancel, return. */
    @PostMapping(SHIPMENTS + "/{id}/actions/{action}")
    Shipment act(@PathVariable String id, @PathVariable String action,
                 @Valid @RequestBody(required = false) AidCommands.TrackingNote note) {
        return shipments.act(id, ShipmentStatus.Action.ofPath(action), note == null ? null : note.note(),
                Caller.current());
    }
}
