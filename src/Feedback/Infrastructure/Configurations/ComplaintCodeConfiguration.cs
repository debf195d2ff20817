using CustomerPlatform.Feedback.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class ComplaintCodeConfiguration : IEntityTypeConfiguration<ComplaintCode>
{
    public void Configure(EntityTypeBuilder<ComplaintCode> builder)
    {
        builder.HasKey(code => new { code.TenantId, code.Kind, code.Code });
        builder.Property(code => code.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(code => code.Code).HasMaxLength(Complaint.MaxCodeLength);
        builder.Property(code => code.Label).HasMaxLength(ComplaintCode.MaxLabelLength);
    }
}
