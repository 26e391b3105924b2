# Float arithmetic in a tight while loop: a damped oscillator integrated with explicit Euler.

def simulate(steps):
    x, v = 1.0, 0.0
    k, damping, dt = 4.0, 0.05, 0.0001
    energy_sum = 0.0
    i = 0
    while i < steps:
        a = -k * x - damping * v
        v += a * dt
        x += v * dt
        energy_sum += 0.5 * v * v + 0.5 * k * x * x
        i += 1
    return x, v, energy_sum / steps


x, v, mean_energy = simulate(5_000_000)
print(f"x={x:.9f} v={v:.9f} mean_energy={mean_energy:.9f}")
