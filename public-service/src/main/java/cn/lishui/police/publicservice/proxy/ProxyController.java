package cn.lishui.police.publicservice.proxy;

import java.net.URI;

import cn.lishui.police.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Proxies (代办委托): a compatriot authorises an overseas station to apply for them. */
@RestController
@RequestMapping("/api/public/proxies")
class ProxyController {

    private final Proxies proxies;

    ProxyController(Proxies proxies) {
        this.proxies = proxies;
    }

    @PostMapping
    @PreAuthorize("hasRole('COMPATRIOT')")
    ResponseEntity<Proxy> authorise(@Valid @RequestBody ProxyCommands.Authorise command) {
        Proxy proxy = proxies.authorise(Caller.current(), command);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(proxy.id()).toUri();
        return ResponseEntity.created(location).body(proxy);
    }

    /** The compatriot's own proxies, or those given to the caller's station. */
    @GetMapping
    Page<Proxy> list(Pageable pageable) {
        return proxies.list(Caller.current(), pageable);
    }
}
