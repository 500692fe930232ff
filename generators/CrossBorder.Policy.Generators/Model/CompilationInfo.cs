namespace CrossBorder.Policy.Generators.Model;

/// <summary>What the generator needs from the compilation object itself.</summary>
/// <remarks>
/// Cacheability: a string and a bool. The compilation changes on every edit; this model does not, so the steps
/// after it stay cached.
/// </remarks>
internal sealed record CompilationInfo(string AssemblyName, bool AttributesAvailable);
