/* The radar chart of the build's DSOMM page: levels (and targets) per dimension, drawn with the echarts library of
   echarts-api. The model is JSON in the data-model attribute (written by AssessmentPage#getRadarModel); names are
   set as text by echarts, never as markup. */
window.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".dsomm-radar[data-model]").forEach((element) => {
    const model = JSON.parse(element.getAttribute("data-model"));
    const style = getComputedStyle(document.body);
    const color = (name, fallback) => (style.getPropertyValue(name) || fallback).trim();
    const text = color("--text-color", "#333");
    const series = [{
      name: model.levelName,
      value: model.levels.map((level) => (level === null ? 0 : level)),
      symbolSize: 6,
      lineStyle: { color: color("--blue", "#1f78d1"), width: 2 },
      itemStyle: { color: color("--blue", "#1f78d1") },
      areaStyle: { color: color("--blue", "#1f78d1"), opacity: 0.2 },
    }];
    if (model.hasTargets) {
      series.push({
        name: "Target",
        value: model.targets.map((target) => (target === null ? 0 : target)),
        symbol: "none",
        lineStyle: { color: color("--text-color-secondary", "#888"), type: "dashed", width: 2 },
        itemStyle: { color: color("--text-color-secondary", "#888") },
      });
    }
    const chart = echarts.init(element);
    chart.setOption({
      tooltip: { trigger: "item" },
      legend: { bottom: 0, textStyle: { color: text } },
      radar: {
        // long dimension names on two lines ("Culture and\nOrganization"), so they fit beside the chart
        indicator: model.dimensions.map((name) => ({ name: name.length > 14 ? name.replace(/ (\S+)$/, "\n$1") : name,
          max: 5, min: 0 })),
        splitNumber: 5,
        axisName: { color: text, lineHeight: 15 },
        splitLine: { lineStyle: { color: color("--light-grey", "#ddd") } },
        splitArea: { show: false },
        axisLine: { lineStyle: { color: color("--light-grey", "#ddd") } },
        radius: "62%",
        center: ["50%", "48%"],
      },
      series: [{ type: "radar", data: series }],
    });
    window.addEventListener("resize", () => chart.resize());
  });
});
