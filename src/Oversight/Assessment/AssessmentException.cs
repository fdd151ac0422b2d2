namespace Oversight.Assessment;

/// <summary>The assessment cannot be made for a reason the county can fix (rules file, appeal); Chinese message.</summary>
public sealed class AssessmentException(string message, Exception? inner = null) : Exception(message, inner);
