#!/usr/bin/python3
"""Random network files for clock-float64 vs event-grid identity checks.  gen.py SEED OUTFILE [profile]"""
import json, random, sys

def gen(seed, profile="mixed"):
    r = random.Random(seed)
    dt = r.choice([0.1, 0.1, 0.05, 0.25, 0.2, 1.0, 0.3, 0.125, 0.01, 0.7])
    steps = r.choice([50, 200, 1000, 3000, 10000])
    dur = round(steps * dt, 10)
    sim = {"dt": f"{dt} ms", "duration": f"{dur} ms", "seed": r.randrange(1000)}
    pops, projs, inputs = [], [], []
    nlif = r.randint(1, 3)
    lifs = []
    for i in range(nlif):
        name = f"L{i}"
        size = r.choice([1, 2, 5, 20, 100, 300])
        tau_m = r.choice([5, 10, 20, 7.3])
        p = {"tau_m": f"{tau_m} ms", "c_m": f"{r.choice([100, 250])} pF",
             "e_l": f"{r.choice([-70, -65, -49, -60])} mV", "v_th": f"{r.choice([-55, -50, -52.5])} mV",
             "v_reset": f"{r.choice([-70, -60, -65])} mV",
             "t_ref": f"{round(r.choice([0, 0, 1, 2, 5, 20, 37]) * dt, 10)} ms"}
        ts = r.random()
        if ts < 0.3: p["tau_syn"] = p["tau_m"]
        elif ts < 0.6: p["tau_syn_e"], p["tau_syn_i"] = f"{r.choice([2, 5, 3.3])} ms", f"{r.choice([2, 10, 4])} ms"
        if r.random() < 0.3: p["i_e"] = f"{r.choice([100, 300, 500, 1000])} pA"
        init = r.choice([{"v": {"uniform": ["-70 mV", "-50 mV"]}}, {"v": "-60 mV"},
                         {"v": {"normal": ["-60 mV", "3 mV"]}}])
        pops.append({"name": name, "size": size, "kind": "lif", "params": p, "init": init})
        lifs.append((name, size))
        if r.random() < 0.4:
            inp = {"kind": "current", "target": name, "amplitude": f"{r.choice([200, 400, 700, 1000, 1500])} pA"}
            if r.random() < 0.5 and size > 1:
                inp["neurons"] = sorted(r.sample(range(size), r.randint(1, size)))
            inputs.append(inp)
    srcs = []
    for j in range(r.randint(0, 2)):
        kind = r.choice(["poisson", "poisson", "regular", "spike_times"])
        size = r.choice([1, 10, 50, 200])
        name = f"S{j}"
        if kind == "poisson":
            pops.append({"name": name, "size": size, "kind": kind, "params": {"rate": f"{r.choice([5, 20, 80])} Hz"}})
        elif kind == "regular":
            pops.append({"name": name, "size": size, "kind": kind,
                         "params": {"rate": f"{r.choice([10, 50])} Hz", "phase": f"{round(r.randint(0, 20) * dt, 10)} ms"}})
        else:
            st = []
            for _ in range(size):
                k = sorted(r.sample(range(steps + 5), min(steps, r.randint(0, 8))))
                # include spikes right at the end
                if r.random() < 0.3: k = sorted(set(k + [steps - 1, steps - 2]))
                st.append([f"{round(x * dt, 10)} ms" for x in k if x >= 0])
            pops.append({"name": name, "size": size, "kind": kind, "spike_times": st})
        srcs.append((name, size))
    allsrc = lifs + srcs
    for c in range(r.randint(1, 5)):
        s = r.choice(allsrc); t = r.choice(lifs)
        rec = r.choice(["exc", "exc", "inh"])
        rule = r.random()
        if rule < 0.5: conn = {"rule": "fixed_probability", "p": r.choice([0.05, 0.2, 0.5]), "seed": r.randrange(99)}
        elif rule < 0.7: conn = {"rule": "all_to_all"}
        elif rule < 0.85 and s[1] == t[1]: conn = {"rule": "one_to_one"}
        else: conn = {"rule": "list", "pairs": [[r.randrange(s[1]), r.randrange(t[1])] for _ in range(r.randint(1, 30))]}
        sign = -1 if rec == "inh" else 1
        w = r.choice([f"{sign*r.choice([0.5, 1.62, 3, 9])} mV", {"normal": [f"{sign*2} mV", "0.5 mV"]},
                      {"uniform": [f"{min(0, sign*4)} mV", f"{max(0, sign*4)} mV"]}, f"{sign*100} pA"])
        pr = {"name": f"P{c}", "source": s[0], "target": t[0], "receptor": rec, "connect": conn, "weight": w,
              "delay": f"{round(r.choice([0, 0, 1, 3, 15, 80]) * dt, 10)} ms"}
        if profile in ("stdp", "stdp-delay") or (profile == "mixed" and r.random() < 0.2):
            ru = r.choice(["stdp", "stdp", "triplet_stdp", "reward_stdp"])
            u = "mV"
            if ru == "stdp":
                pr["plasticity"] = {"rule": "stdp", "a_plus": f"0.05 {u}", "a_minus": f"0.06 {u}", "tau_plus": "20 ms",
                    "tau_minus": "20 ms", "w_min": f"{-10 if sign < 0 else 0} {u}", "w_max": f"{0 if sign < 0 else 10} {u}",
                    "pairing": r.choice(["all_to_all", "nearest"])}
                if profile in ("stdp", "stdp-delay") and r.random() < 0.4:
                    pr["plasticity"].update({"dependence": "multiplicative", "a_plus": 0.01, "a_minus": 0.012})
            elif ru == "triplet_stdp":
                pr["plasticity"] = {"rule": "triplet_stdp", "a2_plus": "0.05 mV", "a3_plus": "0.02 mV",
                    "a2_minus": "0.06 mV", "a3_minus": "0.001 mV", "tau_plus": "16.8 ms", "tau_minus": "33.7 ms",
                    "tau_x": "101 ms", "tau_y": "125 ms", "w_min": f"{-10 if sign < 0 else 0} mV",
                    "w_max": f"{0 if sign < 0 else 10} mV"}
            else:
                pr["plasticity"] = {"rule": "reward_stdp", "a_plus": "0.05 mV", "a_minus": "0.06 mV",
                    "tau_plus": "20 ms", "tau_minus": "20 ms", "tau_c": "200 ms", "learning_rate": 0.5,
                    "w_min": f"{-10 if sign < 0 else 0} mV", "w_max": f"{0 if sign < 0 else 10} mV",
                    "reward": r.choice([0.5, [["0 ms", 0], [f"{round(steps//2*dt,10)} ms", 1]]])}
            if profile != "stdp-delay":
                pr["delay"] = "0 ms"   # plasticity with a delay is a documented limit (ClockPlasticity)
        projs.append(pr)
    recording = {"spikes": [p["name"] for p in pops]}
    if r.random() < 0.4:
        l = r.choice(lifs)
        recording["state"] = [{"population": l[0], "variables": ["v", "g_e", "g_i"],
                               "interval": f"{round(r.choice([1, 7, 10]) * dt, 10)} ms"}]
    net = {"name": f"rand{seed}", "simulation": sim, "populations": pops, "projections": projs, "recording": recording}
    if inputs: net["inputs"] = inputs
    return net

if __name__ == "__main__":
    prof = sys.argv[3] if len(sys.argv) > 3 else "mixed"
    json.dump(gen(int(sys.argv[1]), prof), open(sys.argv[2], "w"), indent=1)
