namespace Dangjian.Web.Modules.Meetings;

/// <summary>Where the rules of organisational life are written: 《中国共产党支部工作条例（试行）》 unless marked.</summary>
[Platform.RegulationNames]
public static class MeetingArticles
{
    public const string Rules = "《中国共产党支部工作条例（试行）》";
    public const string GeneralMeeting = Rules + "第十一条";
    public const string CommitteeMeeting = Rules + "第十二条";
    public const string GroupMeeting = Rules + "第十三条";
    public const string PartyLecture = "《党课制度》（地方规定，本单位设置；党支部每季度至少讲一次党课）";
    public const string ThemeDay = Rules + "第五章（每月相对固定一天开展主题党日）";
    public const string OrgLifeMeeting = Rules + "第十七条";
    public const string DemocraticAppraisal = Rules + "第五章（民主评议党员，一般每年一次）";
    public const string HeartTalk = Rules + "第五章（谈心谈话，每年至少一次）";
    public const string Appraisal = Rules + "第五章（民主评议党员）";
    public const string FirstTopic = "《“第一议题”制度》（重要讲话和文件精神在发布后的第一次会议上第一时间学习）";
    public const string PreApproval = "《组织生活预审报备制度》（会前报上级党组织审核）";
}
