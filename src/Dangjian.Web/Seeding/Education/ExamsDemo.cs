using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Exams;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding.Education;

/// <summary>
/// The demo tenant's exams (called by <see cref="EducationDemo"/> after the courses): a bank of forty questions of the root
/// unit on 党章, 党史, 廉洁 and 形势政策 (all four types, difficulties 1–5), a fixed and a random paper, an exam open now for
/// every branch, last month's closed exam taken by about half the party members of two branches, and a 知识竞赛 under way
/// with its ranking. Every attempt is graded by <see cref="AnswerRules.Grade"/> as the server grades a submission, and its
/// wrong answers are in the members' 错题本, so results, pass rates and the book agree. Deterministic: the same questions,
/// people, answers and scores each time.
/// </summary>
internal static class ExamsDemo
{
    private const string By = "党委组织部";

    private sealed record Q(QuestionType Type, CourseCategory Category, int Difficulty, string Stem, string[] Options, string Answer, string? Explanation = null);

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.ExamQuestions.AnyAsync(ct)) return;
        var root = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).Select(u => new { u.Id, u.Path })
            .FirstOrDefaultAsync(ct);
        if (root is null) return;
        var now = clock.GetUtcNow();
        var today = clock.Today();

        var questions = Bank.Select((q, i) => new ExamQuestion
        {
            Id = Guid.CreateVersion7(now.AddDays(-60).AddSeconds(i)), OrgUnitId = root.Id, OrgPath = root.Path, Type = q.Type, Category = q.Category,
            Difficulty = q.Difficulty, Stem = q.Stem, Options = q.Options.Length == 0 ? null : string.Join('\n', q.Options), Answer = q.Answer,
            Explanation = q.Explanation, CreatedAt = now.AddDays(-60).AddSeconds(i), CreatedBy = By,
        }).ToList();
        db.ExamQuestions.AddRange(questions);

        var fixedPaper = new ExamPaper
        {
            Id = Guid.CreateVersion7(now.AddDays(-50)), OrgUnitId = root.Id, OrgPath = root.Path, Title = "党章党规党纪知识测试卷", Mode = PaperMode.Fixed,
            CreatedAt = now.AddDays(-50), CreatedBy = By,
        };
        // Five questions of each category, 5 points each: 100 in all.
        var chosen = questions.GroupBy(q => q.Category).SelectMany(g => g.Take(5)).ToList();
        fixedPaper.Parts.AddRange(chosen.Select((q, i) => new ExamPaperPart
        {
            Id = Guid.CreateVersion7(now.AddDays(-50)), PaperId = fixedPaper.Id, Position = i, QuestionId = q.Id, Count = 1, Points = 5,
        }));
        var randomPaper = new ExamPaper
        {
            Id = Guid.CreateVersion7(now.AddDays(-45)), OrgUnitId = root.Id, OrgPath = root.Path, Title = "党员应知应会随机测试卷", Mode = PaperMode.Random,
            CreatedAt = now.AddDays(-45), CreatedBy = By,
        };
        CourseCategory?[] ruleCategories = [CourseCategory.PartyRules, CourseCategory.PartyHistory, CourseCategory.Integrity, CourseCategory.Policy, null];
        randomPaper.Parts.AddRange(ruleCategories.Select((c, i) => new ExamPaperPart
        {
            Id = Guid.CreateVersion7(now.AddDays(-45)), PaperId = randomPaper.Id, Position = i, Category = c, Count = 5, Points = 4,
        }));
        db.ExamPapers.AddRange(fixedPaper, randomPaper);

        var firstOfLastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var lastMonthOpens = new DateTimeOffset(firstOfLastMonth.Year, firstOfLastMonth.Month, 5, 9, 0, 0, ChinaTime.Offset).ToUniversalTime();
        var open = Exam(root.Id, root.Path, fixedPaper, "2026年度党章党规党纪知识测试", false, now.AddDays(-3), now.AddDays(14), 30, 2, 60, false, now.AddDays(-4));
        var closed = Exam(root.Id, root.Path, randomPaper, "党员应知应会月度测试", false, lastMonthOpens, lastMonthOpens.AddDays(14), 45, 1, 60, true,
            lastMonthOpens.AddDays(-2));
        var contest = Exam(root.Id, root.Path, randomPaper, "学习贯彻党的二十大精神知识竞赛", true, now.AddDays(-2), now.AddDays(5), 20, 3, 60, false, now.AddDays(-3));
        db.Exams.AddRange(open, closed, contest);
        await db.SaveChangesAsync(ct);

        // Who took them: about half the party members of the first branches (by path), every other one of the roll.
        var branches = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Branch).OrderBy(u => u.Path).Select(u => u.Path).Take(3).ToListAsync(ct);
        if (branches.Count == 0) return;
        var people = new List<List<Member>>();
        foreach (var path in branches)
        {
            var roll = await db.Members.AsNoTracking().InSubtree(path)
                .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal)
                .OrderBy(m => m.Name).ThenBy(m => m.Id).ToListAsync(ct);
            people.Add(roll.Where((_, i) => i % 2 == 0).Take(40).ToList());
        }
        var byId = questions.ToDictionary(q => q.Id);
        var pool = questions.OrderBy(q => q.Id).Select(q => new PaperRules.PoolQuestion(q.Id, q.Category, q.Difficulty)).ToList();
        var random = new Random(20260701);
        var attempts = new List<ExamAttempt>();
        foreach (var m in people.Take(2).SelectMany(p => p))
        {
            attempts.Add(Take(closed, randomPaper, m, 1, closed.OpensAt.AddHours(random.Next(2, 300)), random, byId, pool));
        }
        foreach (var m in people.Skip(1).SelectMany(p => p).Where((_, i) => i % 3 != 2))
        {
            var first = Take(contest, randomPaper, m, 1, contest.OpensAt.AddMinutes(random.Next(30, 1800)), random, byId, pool);
            attempts.Add(first);
            if (first.Score < 80 && random.Next(3) == 0) attempts.Add(Take(contest, randomPaper, m, 2, first.SubmittedAt!.Value.AddHours(2), random, byId, pool));
        }
        db.ExamAttempts.AddRange(attempts);

        // The 错题本: each question answered wrong, the latest wrong answer kept.
        var book = new Dictionary<(Guid, Guid), WrongAnswer>();
        foreach (var a in attempts.OrderBy(a => a.SubmittedAt))
        {
            foreach (var x in a.Answers.Where(x => x.Correct == false))
            {
                if (!book.TryGetValue((a.MemberId, x.QuestionId), out var w))
                {
                    w = new WrongAnswer { Id = Guid.CreateVersion7(a.SubmittedAt!.Value), MemberId = a.MemberId, QuestionId = x.QuestionId };
                    book[(a.MemberId, x.QuestionId)] = w;
                }
                w.LastAttemptId = a.Id;
                w.LastGiven = x.Given;
                w.Times++;
                w.LastWrongAt = a.SubmittedAt!.Value;
            }
        }
        db.WrongAnswers.AddRange(book.Values);
        await db.SaveChangesAsync(ct);
    }

    private static Exam Exam(Guid unitId, string path, ExamPaper paper, string title, bool contest, DateTimeOffset opens, DateTimeOffset closes, int minutes,
        int attempts, int passMark, bool partial, DateTimeOffset created) => new()
    {
        Id = Guid.CreateVersion7(created), OrgUnitId = unitId, OrgPath = path, PaperId = paper.Id, Title = title, IsContest = contest, OpensAt = opens,
        ClosesAt = closes, TimeLimitMinutes = minutes, AttemptsAllowed = attempts, PassMark = passMark, PartialCredit = partial, CreatedAt = created, CreatedBy = By,
    };

    /// <summary>One member's submitted attempt: the paper drawn as the server draws it, answers of the member's level, graded by the rules.</summary>
    private static ExamAttempt Take(Exam exam, ExamPaper paper, Member m, int number, DateTimeOffset started, Random random,
        Dictionary<Guid, ExamQuestion> questions, List<PaperRules.PoolQuestion> pool)
    {
        var drawn = paper.Mode == PaperMode.Fixed
            ? paper.Parts.OrderBy(p => p.Position).Select(p => (p.QuestionId!.Value, p.Points)).ToList()
            : PaperRules.Draw(paper.Parts, pool, random);
        var level = 0.45 + 0.5 * random.NextDouble();
        var deadline = AttemptRules.Deadline(started, exam.TimeLimitMinutes, exam.ClosesAt);
        var seconds = (int)Math.Min((deadline - started).TotalSeconds, 240 + random.Next(exam.TimeLimitMinutes * 45));
        var attempt = new ExamAttempt
        {
            Id = Guid.CreateVersion7(started), ExamId = exam.Id, MemberId = m.Id, MemberName = m.Name, OrgUnitId = m.OrgUnitId, OrgPath = m.OrgPath, Number = number,
            StartedAt = started, DeadlineAt = deadline, SubmittedAt = started.AddSeconds(seconds), Status = AttemptStatus.Submitted,
            MaxScore = drawn.Sum(d => d.Points), Seconds = seconds,
        };
        for (var i = 0; i < drawn.Count; i++)
        {
            var (id, points) = drawn[i];
            var q = questions[id];
            var given = random.NextDouble() < level ? Right(q) : Wrong(q, random);
            var (correct, earned) = AnswerRules.Grade(q.Type, q.Answer, given, points, exam.PartialCredit, QuestionBank.Words);
            attempt.Answers.Add(new ExamAttemptAnswer
            {
                Id = Guid.CreateVersion7(started), AttemptId = attempt.Id, QuestionId = id, Position = i, Points = points, Given = given,
                AnsweredAt = started.AddSeconds(seconds * (i + 1) / (drawn.Count + 1)), Correct = correct, Earned = earned,
            });
        }
        attempt.Score = Math.Round(attempt.Answers.Sum(a => a.Earned), 1);
        attempt.Passed = AttemptRules.Passed(attempt.Score, exam.PassMark);
        return attempt;
    }

    private static string Right(ExamQuestion q) => q.Type == QuestionType.FillIn ? q.Answer.Split(AnswerRules.FillInSeparator)[0] : q.Answer;

    private static string? Wrong(ExamQuestion q, Random random) => q.Type switch
    {
        QuestionType.Single => ((char)('A' + (q.Answer[0] - 'A' + 1 + random.Next(q.OptionList.Count - 1)) % q.OptionList.Count)).ToString(),
        // Some of the right choices only (partial credit where the exam gives it), or one wrong choice more.
        QuestionType.Multiple when q.Answer.Length > 1 && random.Next(2) == 0 => q.Answer[..(q.Answer.Length - 1)],
        QuestionType.Multiple => q.OptionList.Count > q.Answer.Length
            ? q.Answer + Enumerable.Range(0, q.OptionList.Count).Select(i => (char)('A' + i)).First(c => !q.Answer.Contains(c))
            : q.Answer[..1],
        QuestionType.TrueFalse => q.Answer == "T" ? "F" : "T",
        _ => random.Next(4) == 0 ? null : "不清楚",
    };

    private static readonly Q[] Bank =
    [
        // 党章党规党纪
        new(QuestionType.Single, CourseCategory.PartyRules, 1, "党的最高领导机关是？",
            ["党的全国代表大会和它所产生的中央委员会", "中央政治局", "中央书记处", "中央军事委员会"], "A", "党章第十条：党的最高领导机关，是党的全国代表大会和它所产生的中央委员会。"),
        new(QuestionType.Single, CourseCategory.PartyRules, 2, "预备党员的预备期为多长时间？", ["半年", "一年", "两年", "三年"], "B", "党章第七条：预备党员的预备期为一年。"),
        new(QuestionType.Multiple, CourseCategory.PartyRules, 3, "党的纪律处分有哪几种？", ["警告", "严重警告", "撤销党内职务", "留党察看", "开除党籍", "降级"], "ABCDE",
            "党章第四十条规定了五种党纪处分。"),
        new(QuestionType.TrueFalse, CourseCategory.PartyRules, 2, "留党察看最长不超过一年。", [], "F", "党章第四十一条：留党察看最长不超过两年。"),
        new(QuestionType.FillIn, CourseCategory.PartyRules, 3, "中国共产党党员必须全心全意为人民服务，不惜牺牲个人的一切，为实现____而终身奋斗。", [], "共产主义"),
        new(QuestionType.Single, CourseCategory.PartyRules, 2, "党员如果没有正当理由，连续多长时间不参加党的组织生活，或不交纳党费，或不做党所分配的工作，就被认为是自行脱党？",
            ["三个月", "六个月", "一年", "两年"], "B"),
        new(QuestionType.Multiple, CourseCategory.PartyRules, 3, "下列属于党员权利的有？",
            ["参加党的有关会议，阅读党的有关文件，接受党的教育和培训", "在党的会议上和党报党刊上参加关于党的政策问题的讨论", "行使表决权、选举权，有被选举权", "对党的决议有不同意见时在行动上可以不执行"],
            "ABC", "党员对党的决议和政策如有不同意见，在坚决执行的前提下，可以声明保留。"),
        new(QuestionType.TrueFalse, CourseCategory.PartyRules, 1, "凡是有正式党员三人以上的基层单位，都应当成立党的基层组织。", [], "T"),
        new(QuestionType.FillIn, CourseCategory.PartyRules, 2, "党的基层委员会每届任期____年至五年。", [], "三|3"),
        new(QuestionType.Single, CourseCategory.PartyRules, 4, "党的地方各级代表大会每届任期几年？", ["三年", "四年", "五年", "六年"], "C"),
        // 党史
        new(QuestionType.Single, CourseCategory.PartyHistory, 1, "中国共产党第一次全国代表大会召开于哪一年？", ["1919年", "1921年", "1927年", "1935年"], "B"),
        new(QuestionType.Single, CourseCategory.PartyHistory, 2, "标志着中国共产党在政治上开始走向成熟的会议是？", ["八七会议", "古田会议", "遵义会议", "洛川会议"], "C"),
        new(QuestionType.Multiple, CourseCategory.PartyHistory, 3, "下列属于红军长征途中的事件有？", ["四渡赤水", "强渡大渡河", "飞夺泸定桥", "平型关大捷"], "ABC",
            "平型关大捷发生在1937年的全面抗战初期。"),
        new(QuestionType.TrueFalse, CourseCategory.PartyHistory, 1, "古田会议确立了思想建党、政治建军的原则。", [], "T"),
        new(QuestionType.FillIn, CourseCategory.PartyHistory, 2, "1949年3月，党的七届二中全会在河北省平山县____村召开。", [], "西柏坡"),
        new(QuestionType.TrueFalse, CourseCategory.PartyHistory, 3, "党的第七次全国代表大会在西柏坡召开。", [], "F", "党的七大于1945年在延安召开。"),
        new(QuestionType.FillIn, CourseCategory.PartyHistory, 3, "党的十一届三中全会于____年召开，实现了新中国成立以来党的历史上具有深远意义的伟大转折。", [], "1978"),
        new(QuestionType.Single, CourseCategory.PartyHistory, 3, "毛泽东同志提出“两个务必”是在哪次会议上？", ["七届二中全会", "遵义会议", "党的八大", "十一届三中全会"], "A"),
        new(QuestionType.Multiple, CourseCategory.PartyHistory, 4, "党的十九届六中全会决议总结的百年奋斗历史经验包括？", ["坚持党的领导", "坚持人民至上", "坚持理论创新", "坚持独立自主"], "ABCD"),
        new(QuestionType.Single, CourseCategory.PartyHistory, 5, "1935年12月，中共中央在陕北瓦窑堡召开会议，确定了什么策略方针？", ["抗日民族统一战线", "土地革命", "农村包围城市", "和平民主新阶段"], "A"),
        // 廉洁
        new(QuestionType.Single, CourseCategory.Integrity, 1, "中央八项规定是哪一年出台的？", ["2010年", "2012年", "2014年", "2016年"], "B"),
        new(QuestionType.Multiple, CourseCategory.Integrity, 2, "中央八项规定的内容包括？", ["改进调查研究", "精简会议活动", "精简文件简报", "厉行勤俭节约"], "ABCD"),
        new(QuestionType.Multiple, CourseCategory.Integrity, 3, "党的纪律处分条例规定的“六项纪律”包括？", ["政治纪律", "组织纪律", "廉洁纪律", "群众纪律", "工作纪律", "生活纪律"], "ABCDEF"),
        new(QuestionType.TrueFalse, CourseCategory.Integrity, 1, "党员领导干部可以收受可能影响公正执行公务的礼品、礼金、消费卡。", [], "F"),
        new(QuestionType.FillIn, CourseCategory.Integrity, 2, "“四风”是指形式主义、官僚主义、享乐主义和____之风。", [], "奢靡"),
        new(QuestionType.TrueFalse, CourseCategory.Integrity, 2, "党的十八大以后仍不收敛、不收手的违纪行为，要从重或者加重处分。", [], "T"),
        new(QuestionType.FillIn, CourseCategory.Integrity, 3, "监督执纪“四种形态”的第一种，是经常开展批评和自我批评、约谈函询，让“____、出出汗”成为常态。", [], "红红脸"),
        new(QuestionType.Single, CourseCategory.Integrity, 3, "一体推进“三不腐”是指？", ["不敢腐、不能腐、不想腐", "不贪、不占、不拿", "不送、不收、不吃", "不查、不管、不问"], "A"),
        new(QuestionType.Single, CourseCategory.Integrity, 4, "党员在留党察看期间，享有哪些权利？",
            ["全部党员权利", "没有表决权、选举权和被选举权", "只有表决权", "只有选举权"], "B", "党章第四十一条：党员在留党察看期间没有表决权、选举权和被选举权。"),
        new(QuestionType.TrueFalse, CourseCategory.Integrity, 5, "党员干部的配偶、子女及其配偶违规经商办企业，党员干部本人不负任何责任。", [], "F"),
        // 形势政策
        new(QuestionType.Single, CourseCategory.Policy, 1, "党的二十大报告指出，从现在起，中国共产党的中心任务是？",
            ["团结带领全国各族人民全面建成社会主义现代化强国、实现第二个百年奋斗目标，以中国式现代化全面推进中华民族伟大复兴", "全面建成小康社会", "基本实现工业化", "消除绝对贫困"], "A"),
        new(QuestionType.Multiple, CourseCategory.Policy, 2, "新发展理念包括？", ["创新", "协调", "绿色", "开放", "共享", "高速"], "ABCDE"),
        new(QuestionType.Single, CourseCategory.Policy, 2, "全面建设社会主义现代化国家的首要任务是？", ["高质量发展", "乡村振兴", "扩大内需", "对外开放"], "A"),
        new(QuestionType.TrueFalse, CourseCategory.Policy, 1, "党的二十大报告提出，以中国式现代化全面推进中华民族伟大复兴。", [], "T"),
        new(QuestionType.FillIn, CourseCategory.Policy, 2, "必须坚持科技是第一生产力、人才是第一资源、____是第一动力。", [], "创新"),
        new(QuestionType.TrueFalse, CourseCategory.Policy, 3, "中国式现代化是少数人口的现代化。", [], "F", "中国式现代化是人口规模巨大的现代化。"),
        new(QuestionType.FillIn, CourseCategory.Policy, 3, "“四个意识”是指政治意识、大局意识、核心意识、____意识。", [], "看齐"),
        new(QuestionType.Multiple, CourseCategory.Policy, 3, "“四个自信”包括？", ["道路自信", "理论自信", "制度自信", "文化自信", "历史自信"], "ABCD"),
        new(QuestionType.Single, CourseCategory.Policy, 4, "全面建成社会主义现代化强国“两步走”战略安排的第二步是？",
            ["2020年到2035年", "从2035年到本世纪中叶", "2021年到2025年", "2049年以后"], "B"),
        new(QuestionType.Multiple, CourseCategory.Policy, 5, "中国式现代化的中国特色包括？",
            ["人口规模巨大的现代化", "全体人民共同富裕的现代化", "物质文明和精神文明相协调的现代化", "人与自然和谐共生的现代化", "走和平发展道路的现代化"], "ABCDE"),
    ];
}
