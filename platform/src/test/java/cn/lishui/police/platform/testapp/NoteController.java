package cn.lishui.police.platform.testapp;

import java.net.URI;
import java.time.Instant;

import cn.lishui.police.platform.error.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that exercise what the starter promises every service. */
@RestController
@RequestMapping("/api/test/notes")
class NoteController {

    record CreateNote(@NotBlank @Size(max = 100) String text, @NotNull Note.Priority priority, @Max(1000) Integer pages) {
    }

    private final NoteRepository notes;

    NoteController(NoteRepository notes) {
        this.notes = notes;
    }

    @PostMapping
    ResponseEntity<Note> create(@Valid @RequestBody CreateNote command,
                                @RequestParam(defaultValue = "0") long delayMillis) throws InterruptedException {
        if (delayMillis > 0) {
            Thread.sleep(delayMillis);
        }
        if (command.text().equals("explode")) {
            throw new IllegalStateException("internal detail that must not leak");
        }
        Note saved = notes.save(new Note(null, command.text(), command.priority(), command.pages(), Instant.now(), null));
        return ResponseEntity.created(URI.create("/api/test/notes/" + saved.id())).body(saved);
    }

    @GetMapping("/{id}")
    Note get(@PathVariable String id) {
        return notes.findById(id).orElseThrow(() -> DomainException.notFound("NOTE_NOT_FOUND", id));
    }

    @GetMapping
    Page<Note> list(Pageable pageable) {
        return notes.findAll(pageable);
    }

    /** A form post (as Open311 clients send): its fields arrive as request parameters. */
    @PostMapping(path = "/form", consumes = "application/x-www-form-urlencoded")
    java.util.Map<String, Object> form(@org.springframework.web.bind.annotation.RequestParam String text,
                                       @org.springframework.web.bind.annotation.RequestParam java.util.List<String> tag) {
        return java.util.Map.of("text", text, "tags", tag);
    }

    @PostMapping("/{id}/actions/archive")
    Note archive(@PathVariable String id) {
        Note note = get(id);
        throw DomainException.conflict("NOTE_ALREADY_ARCHIVED", note.id())
                .with("state", "ARCHIVED").with("allowedActions", java.util.List.of("restore", "delete"));
    }
}
