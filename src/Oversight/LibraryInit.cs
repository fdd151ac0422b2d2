using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;

namespace Oversight;

/// <summary>Runs once when the library loads, before any of its code: every code path (GB18030 decoding, and
/// ExcelDataReader, which asks for code page 1252 on every workbook) finds the code-page encodings registered,
/// whatever a process happened to do first.</summary>
internal static class LibraryInit
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Registering an encoding provider is process-wide and idempotent; it must precede any read.")]
    internal static void RegisterCodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
