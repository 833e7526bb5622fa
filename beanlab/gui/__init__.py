"""BeanLab's Qt interface: panels and plots that show and steer the core."""
