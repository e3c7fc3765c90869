using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding.Education;

/// <summary>
/// The demo tenant's course library: fourteen courses published by the root unit — articles on 党章, 党史, 廉洁 and
/// 形势政策 (some required, with deadlines, one of them overdue), three 红色基因 and three 警示教育 cases, and two live
/// sessions (one held last month, one this week). Deterministic: the same texts and dates relative to today.
/// </summary>
internal static class CoursesDemo
{
    private sealed record Demo(string Title, CourseKind Kind, CourseCategory Category, CaseKind CaseKind, string Tags, string Summary, string? Body,
        bool Required = false, int? DueInDays = null, int PublishedDaysAgo = 30);

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var root = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).Select(u => new { u.Id, u.Path })
            .FirstOrDefaultAsync(ct);
        if (root is null) return;
        var tenantId = db.CurrentTenantId;
        var by = await db.Users.AsNoTracking().Where(u => u.TenantId == tenantId).OrderBy(u => u.UserName).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var courses = new List<Course>();
        foreach (var d in Courses)
        {
            courses.Add(new Course
            {
                Id = Guid.CreateVersion7(now.AddDays(-d.PublishedDaysAgo)), TenantId = tenantId, OrgUnitId = root.Id, OrgPath = root.Path, Title = d.Title,
                Kind = d.Kind, Category = d.Category, CaseKind = d.CaseKind, Tags = d.Tags, Summary = d.Summary, Body = d.Body, Required = d.Required,
                DueOn = d.DueInDays is { } due ? today.AddDays(due) : null, Status = CourseStatus.Published, PublishedAt = now.AddDays(-d.PublishedDaysAgo),
                CreatedAt = now.AddDays(-d.PublishedDaysAgo - 1), CreatedByUserId = by ?? Guid.Empty, CreatedBy = "党委组织部",
            });
        }
        // Two live sessions: one held last month, one two days from now (this week), 19:30–21:00 China time.
        foreach (var (title, days, summary) in new[]
                 {
                     ("“七一”专题党课直播：传承红色基因 担当时代使命", -30, "党委书记讲专题党课，各支部组织党员集中收看，直播期间签到。"),
                     ("学习贯彻党的二十届四中全会精神辅导报告（直播）", 2, "邀请党校教授作辅导报告，党员在线收看并签到，签到后计入学时。"),
                 })
        {
            var day = today.AddDays(days);
            var start = new DateTimeOffset(day.Year, day.Month, day.Day, 19, 30, 0, ChinaTime.Offset).ToUniversalTime();
            courses.Add(new Course
            {
                Id = Guid.CreateVersion7(now.AddDays(Math.Min(days, 0) - 7)), TenantId = tenantId, OrgUnitId = root.Id, OrgPath = root.Path, Title = title,
                Kind = CourseKind.Live, Category = days < 0 ? CourseCategory.PartyHistory : CourseCategory.Theory, CaseKind = CaseKind.None,
                Tags = days < 0 ? "党课,直播" : "全会精神,直播", Summary = summary, Required = days > 0, DueOn = days > 0 ? day : null,
                LiveStartsAt = start, LiveEndsAt = start.AddMinutes(90), LiveLink = "https://live.example.org/dangke", LiveSignInSecret = SignInCode.NewSecret(),
                Status = CourseStatus.Published, PublishedAt = now.AddDays(Math.Min(days, 0) - 7), CreatedAt = now.AddDays(Math.Min(days, 0) - 8),
                CreatedByUserId = by ?? Guid.Empty, CreatedBy = "党委组织部",
            });
        }
        db.Courses.AddRange(courses);
        await db.SaveChangesAsync(ct);
    }

    private static readonly Demo[] Courses =
    [
        new("学习党章总纲", CourseKind.Article, CourseCategory.PartyRules, CaseKind.None, "党章,必学",
            "逐段学习党章总纲，理解党的性质、宗旨、指导思想和奋斗目标。",
            """
            ## 一、党的性质

            中国共产党是中国工人阶级的先锋队，同时是中国人民和中华民族的先锋队，是中国特色社会主义事业的领导核心。

            ## 二、学习要点

            1. **党的宗旨**：全心全意为人民服务。
            2. **党的最高理想和最终目标**：实现共产主义。
            3. **党的基本路线**：一个中心、两个基本点。

            > 党章是党的根本大法，是全党必须遵循的总规矩。

            ## 三、对照检查

            - 是否做到自觉学习党章、遵守党章、贯彻党章、维护党章；
            - 是否按期足额交纳党费，按时参加组织生活。

            延伸阅读：[共产党员网](https://www.12371.cn/)
            """, Required: true, DueInDays: 20, PublishedDaysAgo: 40),
        new("党员的权利和义务", CourseKind.Article, CourseCategory.PartyRules, CaseKind.None, "党章,党员义务",
            "党章第一章规定党员必须履行的八项义务和享有的八项权利。",
            """
            ## 党员必须履行的义务

            党章第三条规定了党员必须履行的**八项义务**，包括认真学习、贯彻执行党的基本路线和各项方针政策、坚持党和人民的利益高于一切等。

            ## 党员享有的权利

            党章第四条规定了党员享有的**八项权利**，如参加党的有关会议、在党的会议上参加讨论、行使表决权选举权等。

            | 义务 | 权利 |
            |---|---|
            | 八项 | 八项 |

            权利和义务是统一的，党员在享有权利的同时必须履行义务。
            """, PublishedDaysAgo: 35),
        new("党史学习：从石库门到天安门", CourseKind.Article, CourseCategory.PartyHistory, CaseKind.None, "党史,新民主主义革命",
            "回顾中国共产党从诞生到建立新中国的历程。",
            """
            ## 开天辟地

            1921年7月，中国共产党第一次全国代表大会在上海召开，后转移到浙江嘉兴南湖的一艘游船上闭幕，宣告中国共产党正式成立。

            ## 星火燎原

            从南昌起义、秋收起义到井冈山革命根据地的创建，党领导人民走出了一条农村包围城市、武装夺取政权的道路。

            ## 新中国成立

            1949年10月1日，中华人民共和国成立，中国人民从此站起来了。

            **思考题**：结合本支部实际，谈谈如何从党史中汲取奋进力量。
            """, Required: true, DueInDays: -5, PublishedDaysAgo: 60),
        new("党史学习：改革开放的伟大历程", CourseKind.Article, CourseCategory.PartyHistory, CaseKind.None, "党史,改革开放",
            "从党的十一届三中全会到新时代，认识改革开放是决定当代中国命运的关键一招。",
            """
            ## 伟大转折

            1978年12月召开的党的十一届三中全会，重新确立了解放思想、实事求是的思想路线，作出把党和国家工作中心转移到经济建设上来、实行改革开放的历史性决策。

            ## 学习要点

            - 改革开放是党的一次伟大觉醒；
            - 改革开放是中国人民和中华民族发展史上一次伟大革命。
            """, PublishedDaysAgo: 25),
        new("廉洁自律准则学习", CourseKind.Article, CourseCategory.Integrity, CaseKind.None, "廉洁,准则",
            "学习《中国共产党廉洁自律准则》，筑牢拒腐防变的思想防线。",
            """
            ## 党员廉洁自律规范

            1. 坚持公私分明，先公后私，克己奉公；
            2. 坚持崇廉拒腐，清白做人，干净做事；
            3. 坚持尚俭戒奢，艰苦朴素，勤俭节约；
            4. 坚持吃苦在前，享受在后，甘于奉献。

            > 廉洁自律是共产党员的基本要求，守住底线，不越红线。
            """, Required: true, DueInDays: 45, PublishedDaysAgo: 20),
        new("当前经济形势与政策解读", CourseKind.Article, CourseCategory.Policy, CaseKind.None, "形势政策,经济",
            "解读当前经济形势和宏观政策取向，引导党员正确认识形势。",
            """
            ## 总体形势

            我国经济长期向好的支撑条件和基本趋势没有变，经济韧性强、潜力大、活力足。

            ## 政策取向

            - 实施更加积极有为的宏观政策；
            - 扩大国内需求，推动科技创新和产业创新融合发展；
            - 保障和改善民生。

            ## 支部讨论

            结合本单位工作，谈谈如何把中央决策部署落到实处。
            """, PublishedDaysAgo: 10),
        new("红色基因案例：井冈山精神", CourseKind.Article, CourseCategory.PartyHistory, CaseKind.RedGene, "红色基因,井冈山",
            "坚定执着追理想、实事求是闯新路、艰苦奋斗攻难关、依靠群众求胜利。",
            """
            ## 案例背景

            1927年10月，毛泽东率领秋收起义部队到达井冈山，创建了第一个农村革命根据地。

            ## 精神内涵

            **坚定执着追理想，实事求是闯新路，艰苦奋斗攻难关，依靠群众求胜利。**

            ## 组织生活讨论

            在新时代如何传承井冈山精神，在本职岗位上攻坚克难？
            """, PublishedDaysAgo: 50),
        new("红色基因案例：长征精神", CourseKind.Article, CourseCategory.PartyHistory, CaseKind.RedGene, "红色基因,长征",
            "不怕牺牲、前赴后继，勇往直前、坚韧不拔的长征精神。",
            """
            ## 案例背景

            1934年10月，中央红军开始长征，历时两年，行程二万五千里，于1936年10月在甘肃会宁胜利会师。

            ## 启示

            - 坚定理想信念是战胜一切困难的力量源泉；
            - 紧紧依靠人民群众，是党的事业兴旺发达的根本保证。
            """, PublishedDaysAgo: 45),
        new("红色基因案例：焦裕禄精神", CourseKind.Article, CourseCategory.Theory, CaseKind.RedGene, "红色基因,焦裕禄",
            "亲民爱民、艰苦奋斗、科学求实、迎难而上、无私奉献。",
            """
            ## 案例背景

            焦裕禄同志任河南兰考县委书记期间，带领群众治理风沙、内涝、盐碱“三害”，鞠躬尽瘁，死而后已。

            ## 学习要点

            **心中装着全体人民、唯独没有他自己。**对照焦裕禄精神，查找自身在服务群众方面的差距。
            """, PublishedDaysAgo: 15),
        new("警示教育案例：违规收受礼品礼金", CourseKind.Article, CourseCategory.Integrity, CaseKind.Warning, "警示教育,中央八项规定",
            "某单位干部违规收受管理服务对象礼品礼金，受到党内严重警告处分。",
            """
            ## 基本案情

            某单位干部在逢年过节期间，多次收受管理服务对象所送购物卡和礼品，违反中央八项规定精神。

            ## 处理结果

            受到党内严重警告处分，违纪所得予以收缴。

            ## 警示

            节日期间是“四风”问题易发多发期，党员要守住小节、防微杜渐。
            """, Required: true, DueInDays: 30, PublishedDaysAgo: 12),
        new("警示教育案例：形式主义官僚主义典型问题", CourseKind.Article, CourseCategory.Integrity, CaseKind.Warning, "警示教育,作风建设",
            "某部门在工作中层层加码、搞文山会海，增加基层负担，相关责任人被问责。",
            """
            ## 基本案情

            某部门在落实工作中搞“材料论英雄”，要求基层重复报送台账，开会多、发文多、检查多，群众反映强烈。

            ## 处理结果

            相关负责人被诫勉谈话，部门被责令整改。

            ## 警示

            力戒形式主义、官僚主义，切实为基层减负。
            """, PublishedDaysAgo: 8),
        new("警示教育案例：挪用公款", CourseKind.Article, CourseCategory.Integrity, CaseKind.Warning, "警示教育,纪律",
            "某财务人员利用职务便利挪用公款用于个人投资，被开除党籍并移送司法机关。",
            """
            ## 基本案情

            某单位财务人员利用职务便利，多次挪用公款用于个人投资理财，造成公款损失。

            ## 处理结果

            受到开除党籍处分，涉嫌犯罪问题移送司法机关依法处理。

            ## 警示

            - 严格财务制度，加强内部监督；
            - 党员干部要敬畏权力、敬畏法纪。
            """, PublishedDaysAgo: 5),
    ];
}
