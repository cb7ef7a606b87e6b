package cn.lishui.police.identity.role;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A role of ARCHITECTURE.md §5. The role name (as it appears in tokens) is the document id.
 *
 * @param displayName   zh-CN name
 * @param displayNameEn English name
 * @param description   zh-CN description of what the role may do
 * @param descriptionEn English description
 */
@Document("roles")
record Role(@Id String name, String displayName, String displayNameEn, String description, String descriptionEn,
            RoleKind kind) {
}
