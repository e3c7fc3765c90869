using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Education.Exams;

/// <summary>The Exams feature's tables (V0026): the bank, papers, exams, attempts and the wrong-answer book.</summary>
public static class ExamsTables
{
    extension(AppDbContext db)
    {
        public DbSet<ExamQuestion> ExamQuestions => db.Set<ExamQuestion>();
        public DbSet<ExamPaper> ExamPapers => db.Set<ExamPaper>();
        public DbSet<ExamPaperPart> ExamPaperParts => db.Set<ExamPaperPart>();
        public DbSet<Exam> Exams => db.Set<Exam>();
        public DbSet<ExamAttempt> ExamAttempts => db.Set<ExamAttempt>();
        public DbSet<ExamAttemptAnswer> ExamAttemptAnswers => db.Set<ExamAttemptAnswer>();
        public DbSet<WrongAnswer> WrongAnswers => db.Set<WrongAnswer>();
    }
}
