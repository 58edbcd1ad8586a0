namespace NeuroSim.Learning.Plasticity;

/// <summary>Applies a potentiation or depression step under a weight dependence and hard bounds.</summary>
internal static class WeightUpdate
{
    /// <summary>w + amount (additive) or w + amount·(w_max − w) (multiplicative), clipped to [w_min, w_max].</summary>
    public static float Potentiate(float w, double amount, WeightDependence dependence, double wMin, double wMax)
    {
        double step = dependence == WeightDependence.Additive ? amount : amount * (wMax - w);
        return Clip(w + step, wMin, wMax);
    }

    /// <summary>w − amount (additive) or w − amount·(w − w_min) (multiplicative), clipped to [w_min, w_max].</summary>
    public static float Depress(float w, double amount, WeightDependence dependence, double wMin, double wMax)
    {
        double step = dependence == WeightDependence.Additive ? amount : amount * (w - wMin);
        return Clip(w - step, wMin, wMax);
    }

    public static float Clip(double w, double wMin, double wMax) => (float)Math.Clamp(w, wMin, wMax);
}
