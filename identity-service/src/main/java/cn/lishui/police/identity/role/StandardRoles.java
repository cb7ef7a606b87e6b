package cn.lishui.police.identity.role;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The platform's roles (ARCHITECTURE.md §5). Every start upserts them: idempotent, and it leaves any
 * other field a later feature keeps on a role document untouched. The runner completes before the
 * service reports itself ready.
 */
@Component
class StandardRoles implements ApplicationRunner {

    static final List<Role> ALL = List.of(
            new Role("CITIZEN", "群众", "Citizen",
                    "居民和企业：在线办理政务服务事项、申请调解纠纷，查看本人的申请和纠纷。",
                    "Residents and enterprises: apply for public services and for mediation, follow their own "
                            + "applications and disputes.",
                    RoleKind.PUBLIC),
            new Role("COMPATRIOT", "侨胞", "Overseas compatriot",
                    "海外侨胞：通过警侨驿站求助，在境外办理全球通办的政务服务事项。",
                    "Overseas Chinese: ask the overseas stations for aid and use the public services that can be "
                            + "handled from abroad.",
                    RoleKind.PUBLIC),
            new Role("GRID_OFFICER", "网格警官", "Grid officer",
                    "下沉到网格的民警或辅警：负责所辖网格的基础排查、实有人口登记和警情先期处置。",
                    "A police or auxiliary officer assigned to grids: routine inspections, resident registration "
                            + "and first response in their grids.",
                    RoleKind.STAFF),
            new Role("POLICE", "民警", "Police officer",
                    "派出所民警：处置警情，依职责查询辖区实有人口信息。",
                    "A station police officer: handles incidents and may look up the residents of their area "
                            + "within their duties.",
                    RoleKind.STAFF),
            new Role("MEDIATOR", "调解员", "Mediator",
                    "调解组织的调解员：受理、调解矛盾纠纷并回访。",
                    "A mediator of a mediation organisation: takes on, mediates and follows up disputes.",
                    RoleKind.STAFF),
            new Role("WINDOW_CLERK", "窗口工作人员", "Service-window clerk",
                    "政务服务窗口工作人员：受理并办结政务服务申请。",
                    "A clerk of a public-service window: accepts and completes service applications.",
                    RoleKind.STAFF),
            new Role("COMMANDER", "指挥员", "Commander",
                    "综合勤务指挥室：调度警情，查看全市各区域的数据。",
                    "The duty command room: dispatches incidents and sees the data of every area.",
                    RoleKind.STAFF),
            new Role("ADMIN", "系统管理员", "Administrator",
                    "开通工作人员账号并分配角色，查看个人信息调阅的审计记录。",
                    "Provisions staff accounts and their roles, and reviews the audit trail of personal-data "
                            + "reveals.",
                    RoleKind.STAFF),
            new Role("SERVICE", "服务账号", "Service client",
                    "平台内部服务之间调用所用的机器客户端（客户端凭证授权）。",
                    "The machine client a platform service uses to call another on its own (client credentials).",
                    RoleKind.MACHINE));

    private final MongoTemplate mongo;

    StandardRoles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        ALL.forEach(this::upsert);
    }

    private void upsert(Role role) {
        mongo.upsert(Query.query(Criteria.where("name").is(role.name())),
                new Update()
                        .set("displayName", role.displayName())
                        .set("displayNameEn", role.displayNameEn())
                        .set("description", role.description())
                        .set("descriptionEn", role.descriptionEn())
                        .set("kind", role.kind()),
                Role.class);
    }
}
