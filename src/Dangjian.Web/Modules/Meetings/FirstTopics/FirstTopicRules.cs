namespace Dangjian.Web.Modules.Meetings.FirstTopics;

/// <summary>How a unit responded to a 第一议题: studied within the target (hours, setting 24), late, or not yet (overdue once the target passed).</summary>
public static class FirstTopicRules
{
    public const string Article = MeetingArticles.FirstTopic;

    public enum Response
    {
        InTime,
        Late,
        Pending,
        Overdue,
    }

    public static (Response Status, double? Hours) Of(DateTimeOffset publishedAt, DateTimeOffset? studiedAt, DateTimeOffset now, int targetHours)
    {
        if (studiedAt is { } at)
        {
            var hours = Math.Max(0, (at - publishedAt).TotalHours);
            return (hours <= targetHours ? Response.InTime : Response.Late, Math.Round(hours, 1));
        }
        return (now > publishedAt.AddHours(targetHours) ? Response.Overdue : Response.Pending, null);
    }
}
