using System.Text.Json.Nodes;

namespace NeuroSim.Core.Network;

/// <summary>
/// Validates a section of the network file owned by another project (training, a plasticity rule),
/// recording problems in <paramref name="reader"/> so they join the loader's single report.
/// </summary>
/// <param name="reader">The loader's reader (file name, line numbers, error list).</param>
/// <param name="section">The section's object.</param>
/// <param name="path">JSON path of the section, e.g. "$.training" or "$.projections[1].plasticity".</param>
public delegate void SectionValidator(SpecReader reader, JsonObject section, string path);
