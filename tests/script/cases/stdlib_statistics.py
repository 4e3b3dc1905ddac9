# statistics: exact sums rounded once, as CPython's Fractions are.
import statistics

def show(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(statistics.mean(data), statistics.fmean(data), statistics.median(data), statistics.mode(data))
print(statistics.variance(data), statistics.pvariance(data), statistics.stdev(data), statistics.pstdev(data))
print(statistics.mean([1, 2, 3, 4]), statistics.mean([1, 3]), statistics.mean([0.1, 0.2, 0.3]), statistics.fmean([0.1, 0.2, 0.3]))
print(statistics.median([1, 3, 5, 7]), statistics.median([3, 1, 2]), statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]))
print(statistics.variance([1, 2, 3, 4, 5]), statistics.pvariance([1, 2, 3, 4]), statistics.stdev([1, 2, 3, 4, 5]), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.variance([0.1, 0.2, 0.3, 0.4]), statistics.stdev([1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.4]))
print(statistics.mode("aabbbc"), statistics.mode([3, 1, 1, 3]), statistics.multimode("aabbc"), statistics.multimode([]))
print(statistics.variance([1, 2, 3], 2), statistics.mean([True, False, True, True]), statistics.mean([10**15, 1, 2]))
latencies = [0.12, 0.31, 0.08, 0.27, 0.19, 0.44, 0.15]
print(round(statistics.mean(latencies), 4), statistics.median(latencies), statistics.stdev(latencies))
show(statistics.mean, [])
show(statistics.variance, [1])
show(statistics.pstdev, [])
show(statistics.median, [])
show(statistics.mode, [])
show(statistics.fmean, [])
show(statistics.mean, ["a"])
print(issubclass(statistics.StatisticsError, ValueError))
# expect: 1.6071428571428572 1.6071428571428572 1.25 1.25
# expect: 1.3720238095238095 1.1760204081632653 1.171334200612195 1.084444746477784
# expect: 2.5 2 0.2 0.19999999999999998
# expect: 4.0 2 3 5
# expect: 2.5 1.25 1.5811388300841898 2.0
# expect: 1.0810874155219827 0.016666666666666666 0.1527524945502367
# expect: b 3 ['a', 'b'] []
# expect: 1 0.75 333333333333334.3
# expect: 0.2229 0.19 0.1253946152105804
# expect: StatisticsError mean requires at least one data point
# expect: StatisticsError variance requires at least two data points
# expect: StatisticsError pstdev requires at least one data point
# expect: StatisticsError no median for empty data
# expect: StatisticsError no mode for empty data
# expect: StatisticsError fmean requires at least one data point
# expect: TypeError can't convert type 'str' to numerator/denominator
# expect: True
